import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runReadmeExample } from '../../../test-support/readme-example';

it('runs the README example', async () => {
  const logged = await runReadmeExample(join(import.meta.dirname, '..'), '## Example');
  expect(logged[0][0]).toBe('0xed6e08740e4a267eca9d4740f71f573e9aabbcc739b16a2fa6c1baed5ec21278');
  expect(logged[1][0]).toBe('puppy');
  expect(logged[2]).toEqual([10n ** 18n, 42n]);
});
