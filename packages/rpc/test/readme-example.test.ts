import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';

it('runs the README example', async () => {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const code = readme.match(/```ts\n([\s\S]*?)```/)?.[1];
  expect(code).toBeDefined();
  const logged: unknown[][] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args) => void logged.push(args));
  const rpc = await import('@cairn/rpc');
  const body = code!.replace(/^import .*$/m, '');
  const AsyncFunction = (async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction(...Object.keys(rpc), body)(...Object.values(rpc));
  spy.mockRestore();
  const [answers] = logged[0] as [{ id: number; result?: string; error?: { code: number; message: string } }[]];
  expect(answers[0]).toEqual({ jsonrpc: '2.0', id: 1, result: '1337' });
  expect(answers[1].error?.code).toBe(-32602);
  expect(answers[1].error?.message).toContain('params[0] (data)');
});
