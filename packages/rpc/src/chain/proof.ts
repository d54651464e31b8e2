import type { BlockHeader } from '@cairn/chain';

/** An account and some of its storage slots with their Merkle proofs (EIP-1186). */
export interface AccountProof {
  readonly balance: bigint;
  readonly nonce: bigint;
  readonly codeHash: Uint8Array;
  readonly storageHash: Uint8Array;
  /** Trie nodes from the state root to the account, each RLP-encoded. */
  readonly accountProof: readonly Uint8Array[];
  readonly storageProof: readonly { readonly key: Uint8Array; readonly value: bigint; readonly proof: readonly Uint8Array[] }[];
}

/** eth_getProof's backend: the trie package's proofs over the state of a block. */
export interface ProofReader {
  /** The proof, or undefined when the state of `header` is no longer retained. */
  proof(address: Uint8Array, slots: readonly Uint8Array[], header: BlockHeader): Promise<AccountProof | undefined>;
}
