import { expect, it } from 'vitest';
import { join } from 'node:path';
import { runReadmeExample } from '../../../test-support/readme-example';

it('runs the README example', async () => {
  const logged = await runReadmeExample(join(import.meta.dirname, '..'));
  expect(logged[0][0]).toMatch(/^0x[0-9a-f]{64}$/);
  expect(logged[0][1]).toBe('0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f');
  expect(logged[1]).toEqual(['TYPE_NOT_SUPPORTED']);
  expect(logged[2]).toEqual([1_125_000_000n]);
  expect(logged[3][0]).toBe(true);
  expect(logged[3][1]).toMatch(/^0x[0-9a-f]{64}$/);
});
