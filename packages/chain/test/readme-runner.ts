import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, vi } from 'vitest';

/**
 * Runs the first ```ts block of this package's README after the heading `after` (from the top when
 * omitted), with the exports of `@cairn/common` and `@cairn/chain` in scope, and returns what it
 * logged, one array of arguments per `console.log` call.
 */
export async function runReadmeExample(after?: string): Promise<unknown[][]> {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const code = readme.slice(after === undefined ? 0 : readme.indexOf(after)).match(/```ts\n([\s\S]*?)```/)?.[1];
  expect(code).toBeDefined();
  const logged: unknown[][] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args) => void logged.push(args));
  const scope = { ...(await import('@cairn/common')), ...(await import('@cairn/chain')) };
  const body = code!.replace(/^import .*$/gm, '');
  const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  try {
    await new AsyncFunction(...Object.keys(scope), body)(...Object.values(scope));
  } finally {
    spy.mockRestore();
  }
  return logged;
}
