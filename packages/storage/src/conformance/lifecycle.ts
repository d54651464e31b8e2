import assert from 'node:assert/strict';
import { StoreClosedError } from '../errors';
import { type ConformanceCase, bytes } from './case';

export const lifecycleCases: ConformanceCase[] = [
  {
    name: 'every operation on a closed store rejects with StoreClosedError, and close is idempotent',
    run: async (fresh) => {
      const store = await fresh();
      await store.put(bytes(1), bytes(1));
      const pending = store.batch();
      pending.put(bytes(2), bytes(2));
      await store.close();
      await store.close();
      await assert.rejects(store.get(bytes(1)), StoreClosedError);
      await assert.rejects(store.getMany([bytes(1)]), StoreClosedError);
      await assert.rejects(store.put(bytes(1), bytes(2)), StoreClosedError);
      await assert.rejects(store.del(bytes(1)), StoreClosedError);
      await assert.rejects(pending.write(), StoreClosedError);
      const late = store.batch();
      late.put(bytes(3), bytes(3));
      await assert.rejects(late.write(), StoreClosedError);
      await assert.rejects(store.iterate().next(), StoreClosedError);
    },
  },
  {
    name: 'an iteration running when the store closes fails with StoreClosedError instead of hanging',
    run: async (fresh) => {
      const store = await fresh();
      const batch = store.batch();
      for (let i = 0; i < 2000; i++) batch.put(bytes(i >> 8, i & 255), bytes(1));
      await batch.write();
      const iterator = store.iterate();
      await iterator.next();
      await store.close();
      await assert.rejects(
        (async () => {
          for (let r = await iterator.next(); !r.done; r = await iterator.next());
        })(),
        StoreClosedError,
      );
    },
  },
];
