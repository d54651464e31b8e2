import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runReadmeExample } from '../../../test-support/readme-example';

it('runs the README example', async () => {
  const logged = await runReadmeExample(join(import.meta.dirname, '..'));
  expect(logged[0][0]).toBe('0xc783646f67820400');
  expect(logged[2]).toEqual(['London (chain 1337)', true, true]);
});
