import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runReadmeExample } from '../../../test-support/readme-example';

it('runs the README example', async () => {
  const logged = await runReadmeExample(join(import.meta.dirname, '..'));
  expect(logged).toEqual([['b found a:', true], ['eth version', 68, 'fork id next', 0n], ['headers', 1]]);
});
