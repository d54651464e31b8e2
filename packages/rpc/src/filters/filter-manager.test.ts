import { bytesToHex } from '@cairn/common';
import { afterEach, describe, expect, it } from 'vitest';
import { EventChannel } from '../events/event-source';
import type { HeadEvent, RpcLog } from '../events/rpc-log';
import { MethodRegistry } from '../registry/registry';
import { LogFilterSchema } from '../schemas/filter';
import { FilterManager } from './filter-manager';
import { filterMethods } from './methods';

const heads = new EventChannel<HeadEvent>();
const logs = new EventChannel<readonly RpcLog[]>();
const pending = new EventChannel<{ hash(): Uint8Array }>();
let clock = 0;
const managers: FilterManager[] = [];

function manager(options: { maxFilters?: number; maxChangesPerFilter?: number } = {}) {
  const m = new FilterManager({ sources: { heads, logs, pendingTransactions: pending }, now: () => clock, ...options });
  managers.push(m);
  return m;
}
afterEach(() => {
  for (const m of managers.splice(0)) m.close();
});

const bytes = (n: number, length: number) => new Uint8Array(length).fill(n);
const TOKEN = bytes(0xaa, 20);
const TRANSFER = bytes(0x01, 32);
const APPROVAL = bytes(0x02, 32);

function log(blockNumber: bigint, address: Uint8Array, topics: Uint8Array[], removed = false): RpcLog {
  return {
    address,
    topics,
    data: new Uint8Array(),
    blockNumber,
    blockHash: bytes(Number(blockNumber), 32),
    transactionHash: bytes(0xee, 32),
    transactionIndex: 0n,
    logIndex: 0n,
    removed,
  };
}

describe('FilterManager', () => {
  it('collects new block hashes between polls', () => {
    const m = manager();
    const id = m.newBlockFilter();
    heads.emit({ hash: () => bytes(1, 32), number: 1n });
    heads.emit({ hash: () => bytes(2, 32), number: 2n });
    expect(m.changes(id)).toEqual({ type: 'hashes', hashes: [bytes(1, 32), bytes(2, 32)] });
    expect(m.changes(id)).toEqual({ type: 'hashes', hashes: [] });
  });

  it('collects pending transaction hashes only in pending filters', () => {
    const m = manager();
    const blocks = m.newBlockFilter();
    const txs = m.newPendingTransactionFilter();
    pending.emit({ hash: () => bytes(9, 32) });
    expect(m.changes(txs)).toEqual({ type: 'hashes', hashes: [bytes(9, 32)] });
    expect(m.changes(blocks)).toEqual({ type: 'hashes', hashes: [] });
  });

  it('keeps the logs that match address, topics and range, removed ones included', () => {
    const m = manager();
    const filter = LogFilterSchema.parse({ fromBlock: '0x2', toBlock: '0x3', address: bytesToHex(TOKEN), topics: [bytesToHex(TRANSFER)] });
    const id = m.newLogFilter(filter);
    const matching = log(2n, TOKEN, [TRANSFER, APPROVAL]);
    logs.emit([
      matching,
      log(2n, TOKEN, [APPROVAL]),
      log(2n, bytes(0xbb, 20), [TRANSFER]),
      log(4n, TOKEN, [TRANSFER]),
      log(1n, TOKEN, [TRANSFER]),
    ]);
    const removed = { ...matching, removed: true };
    logs.emit([removed]);
    expect(m.changes(id)).toEqual({ type: 'logs', logs: [matching, removed] });
  });

  it('matches OR-topics and wildcards, and a log with too few topics never', () => {
    const m = manager();
    const id = m.newLogFilter(LogFilterSchema.parse({ topics: [null, [bytesToHex(TRANSFER), bytesToHex(APPROVAL)]] }));
    const a = log(1n, TOKEN, [APPROVAL, TRANSFER]);
    const b = log(1n, TOKEN, [TRANSFER, APPROVAL]);
    logs.emit([a, b, log(1n, TOKEN, [TRANSFER]), log(1n, TOKEN, [TRANSFER, bytes(3, 32)])]);
    expect(m.changes(id)).toEqual({ type: 'logs', logs: [a, b] });
  });

  it('expires filters idle for 10 minutes and keeps polled ones', () => {
    const m = manager();
    const idle = m.newBlockFilter();
    const polled = m.newBlockFilter();
    clock += 9 * 60_000;
    m.changes(polled);
    clock += 2 * 60_000;
    expect(() => m.changes(idle)).toThrow('Filter not found');
    m.sweep();
    expect(m.size).toBe(1);
    expect(m.changes(polled).type).toBe('hashes');
  });

  it('caps the number of filters and the changes a filter keeps', () => {
    const m = manager({ maxFilters: 2, maxChangesPerFilter: 3 });
    const id = m.newBlockFilter();
    m.newBlockFilter();
    expect(() => m.newBlockFilter()).toThrow('Too many filters');
    expect(m.uninstall(id)).toBe(true);
    expect(m.uninstall(id)).toBe(false);
    const flooded = m.newBlockFilter();
    for (let i = 0; i < 4; i++) heads.emit({ hash: () => bytes(i, 32), number: BigInt(i) });
    expect(() => m.changes(flooded)).toThrow('Filter not found');
  });

  it('stops listening when closed', () => {
    const before = heads.listenerCount;
    manager().close();
    expect(heads.listenerCount).toBe(before);
  });
});

describe('filterMethods', () => {
  it('registers only the filter types whose sources exist', () => {
    const onlyHeads = new FilterManager({ sources: { heads } });
    managers.push(onlyHeads);
    expect(new MethodRegistry(filterMethods(onlyHeads)).names()).toEqual(['eth_getFilterChanges', 'eth_newBlockFilter', 'eth_uninstallFilter']);
    const none = new FilterManager({ sources: {} });
    managers.push(none);
    expect(filterMethods(none)).toEqual([]);
  });
});
