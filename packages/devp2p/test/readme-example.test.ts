import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';

it('runs the README example', async () => {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const code = readme.match(/```ts\n([\s\S]*?)```/)?.[1];
  expect(code).toBeDefined();
  const logged: unknown[][] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args) => void logged.push(args));
  const scope = { ...(await import('@cairn/common')), ...(await import('../src/index')) };
  const body = code!.replace(/^import .*$/gm, '');
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
  try {
    await new AsyncFunction(...Object.keys(scope), body)(...Object.values(scope));
  } finally {
    spy.mockRestore();
  }
  expect(logged).toEqual([['b found a:', true], ['eth version', 68, 'fork id next', 0n], ['headers', 1]]);
});
