import { bytesToHex } from '@cairn/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { localRpc } from '../../test/support/local-rpc';
import { type FakeAccount, MemoryChain } from '../../test/support/memory-chain';
import type { BlockHeader } from '@cairn/chain';
import { emptyBlock } from '../../test/support/sample-block';
import { ethStateMethods } from './eth-state';

const ALICE = `0x${'a1'.repeat(20)}`;
const SLOT = `0x${'00'.repeat(31)}05`;
const chain = new MemoryChain();
const headers: BlockHeader[] = [];
let fork: BlockHeader;

function world(balance: bigint, extra: FakeAccount = {}) {
  return new Map([[ALICE, { balance, nonce: balance / 10n, ...extra }]]);
}

beforeAll(() => {
  let parent: BlockHeader | undefined;
  for (let i = 0; i < 4; i++) {
    const block = emptyBlock(parent);
    parent = block.header;
    headers.push(parent);
    chain.add(block, [], world(BigInt(i) * 100n, { code: Uint8Array.of(0x60, i), storage: new Map([[SLOT, BigInt(i)]]) }));
  }
  const forkBlock = emptyBlock(headers[1], { extraData: Uint8Array.of(1) });
  fork = forkBlock.header;
  chain.add(forkBlock, [], world(999n), false);
  chain.finalizedNumber = 1n;
  chain.pruneStatesBelow(1n);
});

const call = localRpc(
  ethStateMethods({
    chain,
    state: chain,
    pendingNonce: async (address) => (bytesToHex(address) === ALICE ? 77n : undefined),
  }),
);

describe('eth state methods', () => {
  it('read balance, code, storage and nonce at latest by default', async () => {
    expect((await call('eth_getBalance', [ALICE])).result).toBe('0x12c');
    expect((await call('eth_getCode', [ALICE, 'latest'])).result).toBe('0x6003');
    expect((await call('eth_getStorageAt', [ALICE, '0x5'])).result).toBe(`0x${'00'.repeat(31)}03`);
    expect((await call('eth_getStorageAt', [ALICE, SLOT, '0x2'])).result).toBe(`0x${'00'.repeat(31)}02`);
    expect((await call('eth_getTransactionCount', [ALICE, 'latest'])).result).toBe('0x1e');
  });

  it('resolve numbers, tags and EIP-1898 objects, forks included', async () => {
    expect((await call('eth_getBalance', [ALICE, '0x2'])).result).toBe('0xc8');
    expect((await call('eth_getBalance', [ALICE, 'finalized'])).result).toBe('0x64');
    expect((await call('eth_getBalance', [ALICE, { blockNumber: '0x1' }])).result).toBe('0x64');
    expect((await call('eth_getBalance', [ALICE, { blockHash: bytesToHex(fork.hash()) }])).result).toBe('0x3e7');
    const canonicalOnly = await call('eth_getBalance', [ALICE, { blockHash: bytesToHex(fork.hash()), requireCanonical: true }]);
    expect(canonicalOnly.error?.message).toContain('not on the canonical chain');
  });

  it('tell a missing block from a pruned state', async () => {
    expect((await call('eth_getBalance', [ALICE, '0x10'])).error).toEqual({ code: -39001, message: 'Unknown block' });
    expect((await call('eth_getBalance', [ALICE, 'safe'])).error?.code).toBe(-39001);
    const pruned = await call('eth_getBalance', [ALICE, 'earliest']);
    expect(pruned.error).toEqual({ code: -32000, message: 'World state unavailable: the state of block 0 is no longer retained' });
  });

  it('count pooled transactions for the pending nonce', async () => {
    expect((await call('eth_getTransactionCount', [ALICE, 'pending'])).result).toBe('0x4d');
    expect((await call('eth_getTransactionCount', [`0x${'b2'.repeat(20)}`, 'pending'])).result).toBe('0x0');
  });

  it('name bad parameters', async () => {
    expect((await call('eth_getStorageAt', [ALICE, `0x${'0'.repeat(65)}`])).error?.message).toContain('params[1] (slot)');
    expect((await call('eth_getBalance', [ALICE, 'soon'])).error?.message).toContain('params[1] (block)');
  });
});
