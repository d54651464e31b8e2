import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';

it('runs the README precompiles example', async () => {
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Precompiles'));
  const code = section.match(/```ts\n([\s\S]*?)```/)?.[1];
  expect(code).toBeDefined();
  const logged: unknown[][] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args) => void logged.push(args));
  const modules = { ...(await import('@cairn/common')), ...(await import('@cairn/evm')) };
  const body = code!.replace(/^import .*$/gm, '').replace(/\)!/g, ')');
  await new Function(...Object.keys(modules), body)(...Object.values(modules));
  spy.mockRestore();
  expect(logged[0]).toEqual([72n, '0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad']);
  expect(logged[1]).toEqual([200n, Uint8Array.of(5)]);
  expect(logged[2]).toEqual([[1, 2, 3, 4, 5, 6, 7, 8, 9]]);
});
