import assert from 'node:assert/strict';
import { StoreUsageError } from '../errors';
import { type ConformanceCase, assertBytes, bytes, collect, withStore } from './case';

export const batchCases: ConformanceCase[] = [
  {
    name: 'a batch is invisible until written, then applies every operation in order',
    run: (fresh) =>
      withStore(fresh, async (store) => {
        await store.put(bytes(1), bytes(1));
        const batch = store.batch();
        batch.put(bytes(2), bytes(2));
        batch.del(bytes(1));
        batch.put(bytes(3), bytes(3));
        batch.put(bytes(3), bytes(4));
        batch.del(bytes(2));
        batch.put(bytes(2), bytes(5));
        assert.equal(batch.length, 6);
        assertBytes(await store.get(bytes(2)), undefined, 'before write');
        assertBytes(await store.get(bytes(1)), bytes(1), 'before write');
        await batch.write();
        assert.deepEqual(await collect(store.iterate()), ['2=5', '3=4']);
      }),
  },
  {
    name: 'an empty batch writes nothing, and a batch cannot be written twice',
    run: (fresh) =>
      withStore(fresh, async (store) => {
        await store.batch().write();
        const batch = store.batch();
        batch.put(bytes(1), bytes(1));
        await batch.write();
        await assert.rejects(batch.write(), StoreUsageError);
        assert.deepEqual(await collect(store.iterate()), ['1=1']);
      }),
  },
  {
    name: 'a batch keeps its own copy of what it was given',
    run: (fresh) =>
      withStore(fresh, async (store) => {
        const value = bytes(7);
        const batch = store.batch();
        batch.put(bytes(1), value);
        value[0] = 8;
        await batch.write();
        assertBytes(await store.get(bytes(1)), bytes(7), 'value');
      }),
  },
  {
    name: 'a large batch of 20,000 writes is applied whole',
    run: (fresh) =>
      withStore(fresh, async (store) => {
        const batch = store.batch();
        for (let i = 0; i < 20_000; i++) batch.put(bytes(i >> 16, (i >> 8) & 255, i & 255), bytes(i & 255));
        await batch.write();
        let count = 0;
        for await (const _ of store.iterate()) count++;
        assert.equal(count, 20_000);
      }),
  },
];
