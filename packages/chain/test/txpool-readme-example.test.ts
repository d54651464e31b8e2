import { expect, it } from 'vitest';
import { join } from 'node:path';
import { runReadmeExample } from '../../../test-support/readme-example';

it('runs the transaction pool example of the README', async () => {
  const logged = await runReadmeExample(join(import.meta.dirname, '..'), '## Transaction pool');
  expect(logged[0][0]).toBe('added');
  expect(logged[1][0]).toBe('added');
  expect(logged[2]).toEqual(['REPLACEMENT_UNDERPRICED', -32000, 'Replacement transaction underpriced']);
  expect(logged[3]).toEqual([{ pending: 1, queued: 1 }, 1]);
});
