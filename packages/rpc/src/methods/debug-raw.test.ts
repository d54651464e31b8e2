import { type Block, decodeBlock, decodeHeader, decodeReceipt, decodeTransaction } from '@cairn/chain';
import { bytesToHex, hexToBytes } from '@cairn/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { localRpc } from '../../test/support/local-rpc';
import { MemoryChain } from '../../test/support/memory-chain';
import { emptyBlock, sampleBlock, sampleReceipts } from '../../test/support/sample-block';
import { debugRawMethods } from './debug-raw';

const chain = new MemoryChain();
let block: Block;

beforeAll(() => {
  const genesis = chain.add(emptyBlock(undefined));
  block = chain.add(sampleBlock(genesis.header), sampleReceipts());
});

const call = localRpc(debugRawMethods({ chain }));

describe('debug raw methods', () => {
  it('return consensus encodings that decode back to the stored objects', async () => {
    const header = decodeHeader(hexToBytes((await call('debug_getRawHeader', ['latest'])).result));
    expect(bytesToHex(header.hash())).toBe(bytesToHex(block.hash()));
    const raw = (await call('debug_getRawBlock', [{ blockHash: bytesToHex(block.hash()) }])).result;
    const decoded = decodeBlock(hexToBytes(raw));
    expect(decoded.transactions.map((t) => bytesToHex(t.hash()))).toEqual(block.transactions.map((t) => bytesToHex(t.hash())));
    const receipts = (await call('debug_getRawReceipts', ['0x1'])).result as string[];
    expect(receipts.map((r) => decodeReceipt(hexToBytes(r)).cumulativeGasUsed)).toEqual([21000n, 45000n, 100000n, 121000n]);
    expect(receipts[2].startsWith('0x02')).toBe(true);
    const tx = (await call('debug_getRawTransaction', [bytesToHex(block.transactions[3].hash())])).result;
    expect(decodeTransaction(hexToBytes(tx)).type).toBe(3);
  });

  it('answer missing blocks with an error and missing transactions with null', async () => {
    expect((await call('debug_getRawHeader', ['0x7'])).error).toEqual({ code: -32000, message: 'Block not found' });
    expect((await call('debug_getRawTransaction', [`0x${'00'.repeat(32)}`])).result).toBeNull();
  });
});
