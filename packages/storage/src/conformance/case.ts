import assert from 'node:assert/strict';
import { equalBytes } from '@cairn/common';
import type { KeyValueStore } from '../interfaces';

/**
 * One check that every `KeyValueStore` adapter must pass. `fresh` opens a new, empty store; the
 * case closes what it opens. The cases use `node:assert` only, so any test runner can run them.
 */
export interface ConformanceCase {
  readonly name: string;
  run(fresh: () => Promise<KeyValueStore>): Promise<void>;
}

export const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

export function assertBytes(actual: Uint8Array | undefined, expected: Uint8Array | undefined, what: string): void {
  if (expected === undefined) {
    assert.equal(actual, undefined, `${what}: expected no value`);
    return;
  }
  assert.ok(actual instanceof Uint8Array, `${what}: expected a Uint8Array`);
  assert.ok(equalBytes(actual, expected), `${what}: got [${actual}], expected [${expected}]`);
}

export async function collect(entries: AsyncIterable<[Uint8Array, Uint8Array]>): Promise<string[]> {
  const out: string[] = [];
  for await (const [key, value] of entries) out.push(`${[...key].join('.')}=${[...value].join('.')}`);
  return out;
}

/** Opens a store, runs `body`, and closes it whatever happens. */
export async function withStore(fresh: () => Promise<KeyValueStore>, body: (store: KeyValueStore) => Promise<void>): Promise<void> {
  const store = await fresh();
  try {
    await body(store);
  } finally {
    await store.close();
  }
}
