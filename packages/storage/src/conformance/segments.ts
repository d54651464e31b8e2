import assert from 'node:assert/strict';
import { Segments, segment } from '../segments';
import { type ConformanceCase, assertBytes, bytes, collect, withStore } from './case';

export const segmentCases: ConformanceCase[] = [
  {
    name: 'segments keep equal keys apart, and iterate only their own keys without the prefix',
    run: (fresh) =>
      withStore(fresh, async (store) => {
        const nodes = segment(store, Segments.trieNodes);
        const code = segment(store, Segments.code);
        const receipts = segment(store, Segments.receipts);
        await nodes.put(bytes(1), bytes(10));
        await code.put(bytes(1), bytes(20));
        await code.put(bytes(0xff, 0xff), bytes(21));
        await receipts.put(new Uint8Array(0), bytes(30));
        assertBytes(await nodes.get(bytes(1)), bytes(10), 'nodes');
        assertBytes(await code.get(bytes(1)), bytes(20), 'code');
        assert.deepEqual(await collect(code.iterate()), ['1=20', '255.255=21']);
        assert.deepEqual(await collect(code.iterate({ reverse: true, limit: 1 })), ['255.255=21']);
        assert.deepEqual(await collect(code.iterate({ gt: bytes(1) })), ['255.255=21']);
        assert.deepEqual(await collect(code.iterate({ prefix: bytes(0xff) })), ['255.255=21']);
        assert.deepEqual(await collect(nodes.iterate()), ['1=10']);
        assert.deepEqual(await collect(receipts.iterate()), ['=30']);
        await nodes.del(bytes(1));
        assertBytes(await code.get(bytes(1)), bytes(20), 'code after a delete in nodes');
        assert.deepEqual(
          (await code.getMany([bytes(1), bytes(2)])).map((v) => v?.[0]),
          [20, undefined],
        );
      }),
  },
  {
    name: 'one batch writes to several segments atomically',
    run: (fresh) =>
      withStore(fresh, async (store) => {
        const nodes = segment(store, Segments.trieNodes);
        const code = segment(store, Segments.code);
        const batch = store.batch();
        nodes.within(batch).put(bytes(1), bytes(1));
        code.within(batch).put(bytes(1), bytes(2));
        code.within(batch).del(bytes(9));
        assertBytes(await nodes.get(bytes(1)), undefined, 'before write');
        await batch.write();
        assertBytes(await nodes.get(bytes(1)), bytes(1), 'nodes');
        assertBytes(await code.get(bytes(1)), bytes(2), 'code');
        const own = code.batch();
        own.put(bytes(2), bytes(3));
        assert.equal(own.length, 1);
        await own.write();
        assert.deepEqual(await collect(code.iterate()), ['1=2', '2=3']);
      }),
  },
];
