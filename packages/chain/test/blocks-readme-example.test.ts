import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runReadmeExample } from '../../../test-support/readme-example';

it('runs the blocks example of the README', async () => {
  const logged = await runReadmeExample(join(import.meta.dirname, '..'), '## Blocks: execution');
  expect(logged).toEqual([['canonical', 1n], [1000n], ['INVALID_GAS_USED']]);
});
