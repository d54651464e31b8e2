import { bigintToHex, bytesToBigInt, bytesToHex } from '@cairn/common';
import { z } from 'zod';
import type { ChainReader } from '../chain/backend';
import { BlockResolver } from '../chain/block-resolver';
import type { ProofReader } from '../chain/proof';
import { RpcErrors } from '../errors/application-errors';
import { defineMethod, type RpcMethod } from '../registry/method';
import { BlockParameterSchema } from '../schemas/block-parameter';
import { Address } from '../schemas/primitives';
import { StorageSlot } from '../schemas/storage-slot';

/** geth's bound on the slots one eth_getProof call may ask for. */
export const MAX_PROOF_SLOTS = 1024;

/** eth_getProof (EIP-1186) with Besu's output: storage keys and values as quantities. */
export function ethProofMethods(deps: { chain: ChainReader; proofs: ProofReader }): RpcMethod[] {
  const resolver = new BlockResolver(deps.chain);
  return [
    defineMethod({
      name: 'eth_getProof',
      namespace: 'ETH',
      params: z.tuple([
        Address.describe('address'),
        z.array(StorageSlot).max(MAX_PROOF_SLOTS).describe('storage keys'),
        BlockParameterSchema.describe('block'),
      ]),
      handler: async ([address, slots, block]) => {
        const header = await resolver.require(block);
        const proof = await deps.proofs.proof(address, slots, header);
        if (proof === undefined) throw RpcErrors.worldStateUnavailable(`the state of block ${header.number} is no longer retained`);
        return {
          address: bytesToHex(address),
          balance: bigintToHex(proof.balance),
          nonce: bigintToHex(proof.nonce),
          codeHash: bytesToHex(proof.codeHash),
          storageHash: bytesToHex(proof.storageHash),
          accountProof: proof.accountProof.map(bytesToHex),
          storageProof: proof.storageProof.map((entry) => ({
            key: bigintToHex(bytesToBigInt(entry.key)),
            value: bigintToHex(entry.value),
            proof: entry.proof.map(bytesToHex),
          })),
        };
      },
    }),
  ];
}
