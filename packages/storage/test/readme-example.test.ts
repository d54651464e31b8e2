import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runReadmeExample } from '../../../test-support/readme-example';

it('runs the README example', async () => {
  const logged = await runReadmeExample(join(import.meta.dirname, '..'));
  expect(logged[0]).toEqual([Uint8Array.of(1), Uint8Array.of(0x60, 0x00)]);
  expect(logged[1][0]).toMatch(/^\d+ conformance checks passed$/);
});
