import { bytesToHex } from '@cairn/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { localRpc } from '../../test/support/local-rpc';
import { MemoryChain } from '../../test/support/memory-chain';
import { emptyBlock, sampleBlock, sampleReceipts, TOKEN, TRANSFER_TOPIC } from '../../test/support/sample-block';
import { EventChannel } from '../events/event-source';
import type { HeadEvent, RpcLog } from '../events/rpc-log';
import { FilterManager } from '../filters/filter-manager';
import { filterMethods } from '../filters/methods';
import { ethLogsMethods } from '../methods/eth-logs';
import { LogQuery } from './log-query';
import { addToBloom, type BlockHeader, bloomMightContain } from '@cairn/chain';

const chain = new MemoryChain();
const headers: BlockHeader[] = [];

beforeAll(() => {
  let parent: BlockHeader | undefined;
  for (let i = 0; i < 6; i++) {
    // Blocks 2 and 4 hold the sample transactions and their Transfer logs; the others are empty.
    const withLogs = i === 2 || i === 4;
    const block = withLogs && parent ? sampleBlock(parent) : emptyBlock(parent);
    chain.add(block, withLogs ? sampleReceipts() : []);
    headers.push(block.header);
    parent = block.header;
  }
});

const query = new LogQuery(chain, 4n);
const call = localRpc(ethLogsMethods(query));
const token = bytesToHex(TOKEN);
const transfer = bytesToHex(TRANSFER_TOPIC);

describe('the chain bloom the query relies on', () => {
  it('admits what was added and not this other topic', () => {
    const bloom = new Uint8Array(256);
    addToBloom(bloom, TOKEN);
    expect(bloomMightContain(bloom, TOKEN)).toBe(true);
    expect(bloomMightContain(bloom, TRANSFER_TOPIC)).toBe(false);
  });
});

describe('eth_getLogs', () => {
  it('finds the logs of a range, reading receipts only of blocks whose bloom admits the filter', async () => {
    chain.receiptReads.length = 0;
    const logs = (await call('eth_getLogs', [{ fromBlock: '0x1', toBlock: '0x4', address: token, topics: [transfer] }])).result;
    expect(logs.map((l: { blockNumber: string; logIndex: string }) => [l.blockNumber, l.logIndex])).toEqual([
      ['0x2', '0x0'],
      ['0x2', '0x1'],
      ['0x2', '0x2'],
      ['0x4', '0x0'],
      ['0x4', '0x1'],
      ['0x4', '0x2'],
    ]);
    expect(chain.receiptReads).toEqual([2n, 4n]);
  });

  it('reads one block by hash, defaults to latest, clamps the end and refuses oversize ranges', async () => {
    const byHash = (await call('eth_getLogs', [{ blockHash: bytesToHex(headers[4].hash()) }])).result;
    expect(byHash).toHaveLength(3);
    expect((await call('eth_getLogs', [{}])).result).toEqual([]);
    expect((await call('eth_getLogs', [{ fromBlock: '0x4', toBlock: '0x50' }])).result).toHaveLength(3);
    expect((await call('eth_getLogs', [{ fromBlock: '0x4', toBlock: '0x2' }])).result).toEqual([]);
    expect((await call('eth_getLogs', [{ fromBlock: '0x0', toBlock: '0x5' }])).error).toMatchObject({ code: -32005 });
    expect((await call('eth_getLogs', [{ blockHash: `0x${'00'.repeat(32)}` }])).error).toMatchObject({ code: -32000, message: 'Block not found' });
    expect((await call('eth_getLogs', [{ topics: [[`0x${'99'.repeat(32)}`]], fromBlock: '0x2', toBlock: '0x2' }])).result).toEqual([]);
  });
});

describe('eth_getFilterLogs', () => {
  it('runs a log filter’s criteria over the chain', async () => {
    const manager = new FilterManager({ sources: { logs: new EventChannel<readonly RpcLog[]>(), heads: new EventChannel<HeadEvent>() } });
    const rpc = localRpc(filterMethods(manager, query));
    const id = (await rpc('eth_newFilter', [{ fromBlock: '0x3', toBlock: 'latest', address: token }])).result;
    expect((await rpc('eth_getFilterLogs', [id])).result.map((l: { blockNumber: string }) => l.blockNumber)).toEqual(['0x4', '0x4', '0x4']);
    const blockFilter = (await rpc('eth_newBlockFilter')).result;
    expect((await rpc('eth_getFilterLogs', [blockFilter])).error?.message).toBe('Filter not found');
    manager.close();
  });
});
