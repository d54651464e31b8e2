import { bigintToHex, bytesToHex, ChainConfig, createAddress, Fork } from '@cairn/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { localRpc } from '../../test/support/local-rpc';
import { MemoryChain } from '../../test/support/memory-chain';
import type { Block } from '@cairn/chain';
import { emptyBlock, SAMPLE_TRANSACTIONS, SENDER, sampleBlock, sampleReceipts, signed, TOKEN } from '../../test/support/sample-block';
import { ethBlockMethods } from './eth-blocks';

const chain = new MemoryChain();
let block: Block;
const pendingTx = signed([{ ...SAMPLE_TRANSACTIONS[2], nonce: 9n }])[0];

beforeAll(() => {
  const genesis = chain.add(emptyBlock(undefined));
  block = chain.add(sampleBlock(genesis.header), sampleReceipts());
});

const call = localRpc(
  ethBlockMethods({
    chain,
    chainConfig: ChainConfig.forFork(Fork.Cancun, 1337n),
    pendingTransaction: async (hash) => (bytesToHex(hash) === bytesToHex(pendingTx.hash()) ? pendingTx : undefined),
  }),
);
const hashOf = (i: number) => bytesToHex(block.transactions[i].hash());

describe('block methods', () => {
  it('report the head and blocks with hashes or full transactions', async () => {
    expect((await call('eth_blockNumber')).result).toBe('0x1');
    const byNumber = (await call('eth_getBlockByNumber', ['latest', false])).result;
    expect(byNumber).toMatchObject({ number: '0x1', hash: bytesToHex(block.header.hash()), gasUsed: '0x1d8a8', baseFeePerGas: '0x7', blobGasUsed: '0x40000' });
    expect(byNumber.transactions).toEqual([0, 1, 2, 3].map(hashOf));
    expect(byNumber.uncles).toEqual([bytesToHex(block.ommers[0].hash())]);
    expect(byNumber.withdrawals).toEqual([{ index: '0x1', validatorIndex: '0x2', address: bytesToHex(SENDER), amount: '0x3' }]);
    const full = (await call('eth_getBlockByHash', [bytesToHex(block.header.hash()), true])).result;
    expect(full.transactions[2]).toMatchObject({ hash: hashOf(2), blockNumber: '0x1', transactionIndex: '0x2', to: null });
    expect((await call('eth_getBlockByNumber', ['0x5', false])).result).toBeNull();
    expect((await call('eth_getBlockByHash', [`0x${'00'.repeat(32)}`, false])).result).toBeNull();
  });

  it('count transactions and uncles, and return uncles', async () => {
    expect((await call('eth_getBlockTransactionCountByNumber', ['0x1'])).result).toBe('0x4');
    expect((await call('eth_getBlockTransactionCountByHash', [bytesToHex(block.header.hash())])).result).toBe('0x4');
    expect((await call('eth_getUncleCountByBlockNumber', ['latest'])).result).toBe('0x1');
    expect((await call('eth_getUncleCountByBlockHash', [bytesToHex(block.header.hash())])).result).toBe('0x1');
    const uncle = (await call('eth_getUncleByBlockNumberAndIndex', ['0x1', '0x0'])).result;
    expect(uncle).toMatchObject({ hash: bytesToHex(block.ommers[0].hash()), extraData: '0xee', transactions: [], uncles: [] });
    expect((await call('eth_getUncleByBlockHashAndIndex', [bytesToHex(block.header.hash()), '0x1'])).result).toBeNull();
  });

  it('format every transaction type with the fields of its type', async () => {
    const legacy = (await call('eth_getTransactionByHash', [hashOf(0)])).result;
    // EIP-155: v = 1337·2 + 35 + parity.
    expect([2709n, 2710n]).toContain(BigInt(legacy.v));
    expect(legacy).toMatchObject({ type: '0x0', gasPrice: '0x14', chainId: '0x539', from: bytesToHex(SENDER), to: bytesToHex(TOKEN), value: '0x5' });
    expect(legacy).not.toHaveProperty('accessList');
    expect(legacy).not.toHaveProperty('yParity');
    const accessList = (await call('eth_getTransactionByBlockHashAndIndex', [bytesToHex(block.header.hash()), '0x1'])).result;
    const parity = bigintToHex(block.transactions[1].signature.yParity ?? 99);
    expect(accessList).toMatchObject({ type: '0x1', yParity: parity, v: parity, accessList: [{ address: bytesToHex(TOKEN), storageKeys: [`0x${'00'.repeat(32)}`] }] });
    const dynamic = (await call('eth_getTransactionByBlockNumberAndIndex', ['0x1', '0x2'])).result;
    // Paid min(100, base fee 7 + tip 3) = 10.
    expect(dynamic).toMatchObject({ type: '0x2', gasPrice: '0xa', maxFeePerGas: '0x64', maxPriorityFeePerGas: '0x3', input: '0x60' });
    const blob = (await call('eth_getTransactionByHash', [hashOf(3)])).result;
    expect(blob).toMatchObject({ type: '0x3', gasPrice: '0x9', maxFeePerBlobGas: '0x4' });
    expect(blob.blobVersionedHashes).toHaveLength(2);
    expect((await call('eth_getTransactionByBlockNumberAndIndex', ['0x1', '0x4'])).result).toBeNull();
  });

  it('return pool transactions without a position', async () => {
    const pending = (await call('eth_getTransactionByHash', [bytesToHex(pendingTx.hash())])).result;
    expect(pending).toMatchObject({ blockHash: null, blockNumber: null, transactionIndex: null, gasPrice: '0x64', nonce: '0x9' });
    expect((await call('eth_getTransactionByHash', [`0x${'ab'.repeat(32)}`])).result).toBeNull();
  });

  it('build receipts with per-transaction gas, log positions, contract address and blob gas', async () => {
    const receipts = (await call('eth_getBlockReceipts', ['latest'])).result;
    expect(receipts.map((r: { gasUsed: string }) => r.gasUsed)).toEqual(['0x5208', '0x5dc0', '0xd6d8', '0x5208']);
    expect(receipts.map((r: { status: string }) => r.status)).toEqual(['0x1', '0x1', '0x0', '0x1']);
    expect(receipts[2].contractAddress).toBe(bytesToHex(createAddress(SENDER, 2n)));
    expect(receipts[0].contractAddress).toBeNull();
    expect(receipts[2].logs.map((l: { logIndex: string; transactionIndex: string }) => [l.logIndex, l.transactionIndex])).toEqual([
      ['0x1', '0x2'],
      ['0x2', '0x2'],
    ]);
    expect(receipts[2].effectiveGasPrice).toBe('0xa');
    expect(receipts[3]).toMatchObject({ type: '0x3', blobGasUsed: '0x40000', blobGasPrice: '0x1' });
    expect(receipts[0]).not.toHaveProperty('blobGasUsed');
    const one = (await call('eth_getTransactionReceipt', [hashOf(2)])).result;
    expect(one).toEqual(receipts[2]);
    expect((await call('eth_getTransactionReceipt', [bytesToHex(pendingTx.hash())])).result).toBeNull();
    expect((await call('eth_getBlockReceipts', [{ blockHash: bytesToHex(block.header.hash()) }])).result).toEqual(receipts);
  });
});
