import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';

it('runs the README example', async () => {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const code = readme.match(/```ts\n([\s\S]*?)```/)?.[1];
  expect(code).toBeDefined();
  const logged: unknown[][] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args) => void logged.push(args));
  const scope = { ...(await import('@cairn/common')), ...(await import('@cairn/chain')) };
  const body = code!.replace(/^import .*$/gm, '');
  const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction(...Object.keys(scope), body)(...Object.values(scope));
  spy.mockRestore();
  expect(logged[0][0]).toMatch(/^0x[0-9a-f]{64}$/);
  expect(logged[0][1]).toBe('0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f');
  expect(logged[1]).toEqual(['TYPE_NOT_SUPPORTED']);
  expect(logged[2]).toEqual([1_125_000_000n]);
  expect(logged[3][0]).toBe(true);
  expect(logged[3][1]).toMatch(/^0x[0-9a-f]{64}$/);
});
