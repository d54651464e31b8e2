import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';

it('runs the README example', async () => {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const code = readme.match(/```ts\n([\s\S]*?)```/)?.[1];
  expect(code).toBeDefined();
  const logged: unknown[][] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args) => void logged.push(args));
  const scope = { ...(await import('@cairn/common')), ...(await import('@cairn/trie')) };
  const body = code!.replace(/^import .*$/gm, '');
  const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction(...Object.keys(scope), body)(...Object.values(scope));
  spy.mockRestore();
  expect(logged[0][0]).toBe('0xed6e08740e4a267eca9d4740f71f573e9aabbcc739b16a2fa6c1baed5ec21278');
  expect(logged[1][0]).toMatch(/^0x[0-9a-f]{64}$/);
});
