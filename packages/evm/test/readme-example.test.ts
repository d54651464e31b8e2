import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runReadmeExample } from '../../../test-support/readme-example';

it('runs the README embedding example', async () => {
  const logged = await runReadmeExample(join(import.meta.dirname, '..'), '## Embedding');
  // The second call: 21000 intrinsic + cold SLOAD 2100 + SSTORE of a set slot 2900 + 30 for the
  // eight pushes and ALU steps and the first memory word.
  expect(logged[0]).toEqual([2n, 26030n, 2n]);
});
