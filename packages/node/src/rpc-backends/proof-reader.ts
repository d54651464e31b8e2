import type { Blockchain, BlockHeader } from '@cairn/chain';
import { bytesToBigInt, KECCAK256_EMPTY } from '@cairn/common';
import type { AccountProof, ProofReader } from '@cairn/rpc';
import { readRetained, retainedState } from './retained-state';

/** eth_getProof over the chain's world state (EIP-1186 proofs from the trie package). */
export class WorldStateProofReader implements ProofReader {
  constructor(private readonly chain: Blockchain) {}

  async proof(address: Uint8Array, slots: readonly Uint8Array[], header: BlockHeader): Promise<AccountProof | undefined> {
    const state = await retainedState(this.chain, header);
    if (state === undefined) return undefined;
    const proof = await readRetained(header, () => state.getProof(address, slots.map(bytesToBigInt)));
    return {
      balance: proof.account?.balance ?? 0n,
      nonce: proof.account?.nonce ?? 0n,
      codeHash: proof.account?.codeHash ?? KECCAK256_EMPTY,
      storageHash: proof.storageHash,
      accountProof: proof.accountProof,
      storageProof: proof.storageProof.map((entry, i) => ({ key: slots[i], value: entry.value, proof: entry.proof })),
    };
  }
}
