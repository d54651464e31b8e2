import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';

it('runs the README example', async () => {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const code = readme.match(/```ts\n([\s\S]*?)```/)?.[1];
  expect(code).toBeDefined();
  const logged: unknown[][] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args) => void logged.push(args));
  const common = await import('@cairn/common');
  const body = code!.replace(/^import .*$/m, '');
  await new Function(...Object.keys(common), body)(...Object.values(common));
  spy.mockRestore();
  expect(logged[0][0]).toBe('0xc783646f67820400');
  expect(logged[2]).toEqual(['London (chain 1337)', true, true]);
});
