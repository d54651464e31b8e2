import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runReadmeExample } from '../../../test-support/readme-example';

// The example builds the epoch-0 cache; the limit only catches a hang on a busy machine.
it('runs the README example', { timeout: 120_000 }, async () => {
  const logged = await runReadmeExample(join(import.meta.dirname, '..'));
  expect(logged[0]).toEqual([0, 16776896]);
  expect(logged[1]).toEqual([{ valid: true }]);
  expect(logged[2][0]).toMatchObject({ valid: false, code: 'MIX_DIGEST_MISMATCH' });
  expect(logged[3]).toEqual([[3_093_750_000_000_000_000n, 2_625_000_000_000_000_000n]]);
});
