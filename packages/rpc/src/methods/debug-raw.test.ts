import { bytesToHex, hexToBytes, rlpDecode } from '@cairn/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { localRpc } from '../../test/support/local-rpc';
import { MemoryChain } from '../../test/support/memory-chain';
import { rlpEncoder } from '../../test/support/rlp-encoder';
import { sampleBlock, sampleReceipts } from '../../test/support/sample-block';
import type { BlockView } from '../chain/views';
import { debugRawMethods } from './debug-raw';

const chain = new MemoryChain();
let block: BlockView;

beforeAll(() => {
  const genesis = chain.add({ header: MemoryChain.header(undefined), transactions: [], ommers: [] });
  block = chain.add(sampleBlock(genesis.header), sampleReceipts());
});

const call = localRpc(debugRawMethods({ chain, encoder: rlpEncoder }));

describe('debug raw methods', () => {
  it('return the consensus encodings of headers, blocks, receipts and transactions', async () => {
    const header = (await call('debug_getRawHeader', ['latest'])).result;
    expect(header).toBe(bytesToHex(rlpEncoder.header(block.header)));
    expect((rlpDecode(hexToBytes(header)) as Uint8Array[])[8]).toEqual(Uint8Array.of(1));
    expect((await call('debug_getRawBlock', [{ blockHash: bytesToHex(block.header.hash) }])).result).toBe(bytesToHex(rlpEncoder.block(block)));
    const receipts = (await call('debug_getRawReceipts', ['0x1'])).result;
    expect(receipts).toHaveLength(4);
    expect(receipts[0].startsWith('0xf9')).toBe(true);
    expect(receipts[2].startsWith('0x02')).toBe(true);
    const raw = (await call('debug_getRawTransaction', [bytesToHex(block.transactions[3].hash)])).result;
    expect(raw).toBe(bytesToHex(rlpEncoder.transaction(block.transactions[3].transaction)));
  });

  it('answer missing blocks with an error and missing transactions with null', async () => {
    expect((await call('debug_getRawHeader', ['0x7'])).error).toEqual({ code: -32000, message: 'Block not found' });
    expect((await call('debug_getRawTransaction', [`0x${'00'.repeat(32)}`])).result).toBeNull();
  });
});
