import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';

// The example builds the epoch-0 cache; the limit only catches a hang on a busy machine.
it('runs the README example', { timeout: 120_000 }, async () => {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const code = readme.match(/```ts\n([\s\S]*?)```/)?.[1];
  expect(code).toBeDefined();
  const logged: unknown[][] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args) => void logged.push(args));
  const scope = { ...(await import('@cairn/common')), ...(await import('@cairn/consensus-ethash')) };
  const body = code!.replace(/^import .*$/gm, '');
  const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  try {
    await new AsyncFunction(...Object.keys(scope), body)(...Object.values(scope));
  } finally {
    spy.mockRestore();
  }
  expect(logged[0]).toEqual([0, 16776896]);
  expect(logged[1]).toEqual([{ valid: true }]);
  expect(logged[2][0]).toMatchObject({ valid: false, code: 'MIX_DIGEST_MISMATCH' });
  expect(logged[3]).toEqual([[3_093_750_000_000_000_000n, 2_625_000_000_000_000_000n]]);
});
