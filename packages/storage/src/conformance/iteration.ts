import assert from 'node:assert/strict';
import type { KeyValueStore } from '../interfaces';
import { type ConformanceCase, bytes, collect, withStore } from './case';

/** Keys chosen to catch signed-byte and length-order mistakes. */
const KEYS = [bytes(0x00), bytes(0x00, 0x00), bytes(0x01), bytes(0x7f), bytes(0x80), bytes(0x80, 0xff), bytes(0xfe, 0xff, 0xff), bytes(0xff), bytes(0xff, 0x00), bytes(0xff, 0xff)];
const names = (keys: Uint8Array[]) => keys.map((k) => `${[...k].join('.')}=${k.length}`);

async function fill(store: KeyValueStore): Promise<void> {
  // Written in reverse so that order must come from the store, not from insertion.
  for (const key of [...KEYS].reverse()) await store.put(key, bytes(key.length));
}

export const iterationCases: ConformanceCase[] = [
  {
    name: 'iteration yields every entry in unsigned byte order, shorter keys first',
    run: (fresh) =>
      withStore(fresh, async (store) => {
        await fill(store);
        assert.deepEqual(await collect(store.iterate()), names(KEYS));
        assert.deepEqual(await collect(store.iterate({ reverse: true })), names(KEYS).reverse());
      }),
  },
  {
    name: 'gt, gte, lt and lte bound the range, alone and together',
    run: (fresh) =>
      withStore(fresh, async (store) => {
        await fill(store);
        assert.deepEqual(await collect(store.iterate({ gte: bytes(0x7f) })), names(KEYS.slice(3)));
        assert.deepEqual(await collect(store.iterate({ gt: bytes(0x7f) })), names(KEYS.slice(4)));
        assert.deepEqual(await collect(store.iterate({ lt: bytes(0x80) })), names(KEYS.slice(0, 4)));
        assert.deepEqual(await collect(store.iterate({ lte: bytes(0x80) })), names(KEYS.slice(0, 5)));
        assert.deepEqual(await collect(store.iterate({ gt: bytes(0x00), lt: bytes(0xff) })), names(KEYS.slice(1, 7)));
        assert.deepEqual(await collect(store.iterate({ gte: bytes(0x01), lte: bytes(0xff), reverse: true })), names(KEYS.slice(2, 8)).reverse());
        assert.deepEqual(await collect(store.iterate({ gte: bytes(0x90), lt: bytes(0x10) })), []);
        assert.deepEqual(await collect(store.iterate({ gte: bytes(0x50), lt: bytes(0x60) })), []);
      }),
  },
  {
    name: 'a prefix selects the keys that start with it, also at the top of the key space',
    run: (fresh) =>
      withStore(fresh, async (store) => {
        await fill(store);
        assert.deepEqual(await collect(store.iterate({ prefix: bytes(0x00) })), names(KEYS.slice(0, 2)));
        assert.deepEqual(await collect(store.iterate({ prefix: bytes(0x80) })), names(KEYS.slice(4, 6)));
        assert.deepEqual(await collect(store.iterate({ prefix: bytes(0xff) })), names(KEYS.slice(7)));
        assert.deepEqual(await collect(store.iterate({ prefix: bytes(0xff, 0xff) })), names(KEYS.slice(9)));
        assert.deepEqual(await collect(store.iterate({ prefix: bytes(0xfe), reverse: true })), names(KEYS.slice(6, 7)));
        assert.deepEqual(await collect(store.iterate({ prefix: bytes(0xff), gt: bytes(0xff) })), names(KEYS.slice(8)));
        assert.deepEqual(await collect(store.iterate({ prefix: new Uint8Array(0) })), names(KEYS));
      }),
  },
  {
    name: 'limit caps the entries, from the end when reversed',
    run: (fresh) =>
      withStore(fresh, async (store) => {
        await fill(store);
        assert.deepEqual(await collect(store.iterate({ limit: 3 })), names(KEYS.slice(0, 3)));
        assert.deepEqual(await collect(store.iterate({ limit: 2, reverse: true })), names(KEYS.slice(8)).reverse());
        assert.deepEqual(await collect(store.iterate({ limit: 0 })), []);
      }),
  },
  {
    name: 'an iteration sees the store as it was when it started',
    run: (fresh) =>
      withStore(fresh, async (store) => {
        await fill(store);
        const seen: string[] = [];
        for await (const [key, value] of store.iterate()) {
          assert.equal(Object.getPrototypeOf(key), Uint8Array.prototype);
          assert.equal(Object.getPrototypeOf(value), Uint8Array.prototype);
          seen.push([...key].join('.'));
          if (seen.length === 1) {
            await store.del(bytes(0xff));
            await store.put(bytes(0x50), bytes(1));
          }
        }
        assert.equal(seen.length, KEYS.length);
        assert.ok(seen.includes('255') && !seen.includes('80'));
      }),
  },
  {
    name: 'breaking out of an iteration releases it, and the store closes without waiting',
    run: async (fresh) => {
      const store = await fresh();
      await fill(store);
      for await (const _ of store.iterate()) break;
      const unfinished = store.iterate();
      await unfinished.next();
      await unfinished.return?.();
      await store.close();
    },
  },
];
