import { bytesToHex, keccak256, rlpEncode } from '@cairn/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { localRpc } from '../../test/support/local-rpc';
import { MemoryChain } from '../../test/support/memory-chain';
import { emptyBlock } from '../../test/support/sample-block';
import type { ProofReader } from '../chain/proof';
import { ethProofMethods } from './eth-proof';

const ALICE = `0x${'a1'.repeat(20)}`;
const SLOT = `0x${'00'.repeat(31)}01`;
const chain = new MemoryChain();

/** Proofs from the fake state: one-node "tries" holding the account and each slot, enough to check the plumbing. */
const proofs: ProofReader = {
  async proof(address, slots, header) {
    const state = await chain.stateAt(header);
    if (state === undefined) return undefined;
    const [balance, nonce, code] = await Promise.all([state.balance(address), state.nonce(address), state.code(address)]);
    const storageHash = keccak256(new Uint8Array());
    const storageProof = await Promise.all(
      slots.map(async (key) => {
        const value = await state.storage(address, key);
        return { key, value, proof: [rlpEncode([key, value])] };
      }),
    );
    return { balance, nonce, codeHash: keccak256(code), storageHash, accountProof: [rlpEncode([nonce, balance, storageHash, keccak256(code)])], storageProof };
  },
};

beforeAll(() => {
  const world = new Map([[ALICE, { balance: 5n, nonce: 2n, storage: new Map([[SLOT, 9n]]) }]]);
  const genesis = chain.add(emptyBlock(undefined), [], world);
  chain.add(emptyBlock(genesis.header), [], world);
  chain.pruneStatesBelow(1n);
});

const call = localRpc(ethProofMethods({ chain, proofs }));

describe('eth_getProof', () => {
  it('formats the account, its proof and the storage proofs', async () => {
    const result = (await call('eth_getProof', [ALICE, ['0x1', '0x2'], 'latest'])).result;
    expect(result).toMatchObject({ address: ALICE, balance: '0x5', nonce: '0x2', codeHash: bytesToHex(keccak256(new Uint8Array())) });
    expect(result.accountProof).toHaveLength(1);
    expect(result.storageProof.map((p: { key: string; value: string }) => [p.key, p.value])).toEqual([
      ['0x1', '0x9'],
      ['0x2', '0x0'],
    ]);
  });

  it('reports pruned state and bad keys', async () => {
    expect((await call('eth_getProof', [ALICE, [], 'earliest'])).error?.message).toContain('World state unavailable');
    expect((await call('eth_getProof', [ALICE, ['0xzz'], 'latest'])).error?.message).toContain('params[1] (storage keys)[0]');
    expect((await call('eth_getProof', [ALICE, []])).error?.message).toContain('params[2] (block)');
  });
});
