import assert from 'node:assert/strict';
import { type ConformanceCase, assertBytes, bytes, withStore } from './case';

export const basicCases: ConformanceCase[] = [
  {
    name: 'get returns undefined for an absent key, and put then get round-trips',
    run: (fresh) =>
      withStore(fresh, async (store) => {
        assertBytes(await store.get(bytes(1)), undefined, 'absent key');
        await store.put(bytes(1), bytes(10, 11));
        assertBytes(await store.get(bytes(1)), bytes(10, 11), 'stored key');
        assertBytes(await store.get(bytes(1, 0)), undefined, 'a longer key with the same start');
      }),
  },
  {
    name: 'put overwrites, del removes, and del of an absent key is not an error',
    run: (fresh) =>
      withStore(fresh, async (store) => {
        await store.put(bytes(2), bytes(1));
        await store.put(bytes(2), bytes(2));
        assertBytes(await store.get(bytes(2)), bytes(2), 'overwritten');
        await store.del(bytes(2));
        assertBytes(await store.get(bytes(2)), undefined, 'deleted');
        await store.del(bytes(3));
      }),
  },
  {
    name: 'empty values and large values are stored as given',
    run: (fresh) =>
      withStore(fresh, async (store) => {
        await store.put(bytes(1), new Uint8Array(0));
        assertBytes(await store.get(bytes(1)), new Uint8Array(0), 'empty value');
        const large = new Uint8Array(1 << 20).map((_, i) => i * 7);
        await store.put(bytes(2), large);
        assertBytes(await store.get(bytes(2)), large, 'one MiB value');
      }),
  },
  {
    name: 'the store keeps its own copy of keys and values',
    run: (fresh) =>
      withStore(fresh, async (store) => {
        const key = bytes(5);
        const value = bytes(1, 2, 3);
        await store.put(key, value);
        value[0] = 99;
        key[0] = 6;
        assertBytes(await store.get(bytes(5)), bytes(1, 2, 3), 'after the caller changed its buffers');
        const read = (await store.get(bytes(5)))!;
        // A plain Uint8Array (not a Buffer, whose `slice` shares memory).
        assert.equal(Object.getPrototypeOf(read), Uint8Array.prototype);
        read[0] = 42;
        assertBytes(await store.get(bytes(5)), bytes(1, 2, 3), 'after the caller changed a value it read');
      }),
  },
  {
    name: 'getMany returns values in the order of the keys, undefined where absent',
    run: (fresh) =>
      withStore(fresh, async (store) => {
        await store.put(bytes(1), bytes(10));
        await store.put(bytes(3), bytes(30));
        const values = await store.getMany([bytes(3), bytes(2), bytes(1), bytes(3)]);
        assert.equal(values.length, 4);
        assertBytes(values[0], bytes(30), 'first');
        assertBytes(values[1], undefined, 'second');
        assertBytes(values[2], bytes(10), 'third');
        assertBytes(values[3], bytes(30), 'fourth');
        assert.deepEqual(await store.getMany([]), []);
      }),
  },
  {
    name: 'many concurrent writes and reads all take effect',
    run: (fresh) =>
      withStore(fresh, async (store) => {
        const keys = Array.from({ length: 500 }, (_, i) => bytes(i >> 8, i & 255));
        await Promise.all(keys.map((key, i) => store.put(key, bytes(i & 255, 1))));
        const values = await Promise.all(keys.map((key) => store.get(key)));
        for (const [i, value] of values.entries()) assertBytes(value, bytes(i & 255, 1), `key ${i}`);
      }),
  },
];
