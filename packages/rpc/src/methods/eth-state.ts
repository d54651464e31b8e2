import { bigintToFixedBytes, bigintToHex, bytesToHex } from '@cairn/common';
import { z } from 'zod';
import type { ChainReader, StateReader, StateView } from '../chain/backend';
import { BlockResolver } from '../chain/block-resolver';
import { RpcErrors } from '../errors/application-errors';
import { defineMethod, type RpcMethod } from '../registry/method';
import { type BlockParameter, BlockParameterSchema } from '../schemas/block-parameter';
import { Address } from '../schemas/primitives';
import { StorageSlot } from '../schemas/storage-slot';

export interface EthStateDependencies {
  readonly chain: ChainReader;
  readonly state: StateReader;
  /** The next nonce counting the sender's pooled transactions, for the `pending` tag; undefined when none are pooled. */
  pendingNonce?(address: Uint8Array): Promise<bigint | undefined>;
}

const Block = BlockParameterSchema.describe('block');

/**
 * The account state methods at any block parameter (default `latest`). A block the chain does not
 * have is -39001 "Unknown block"; a block whose state was pruned is -32000 "World state unavailable"
 * naming the block, so callers can tell an old block from a missing one.
 */
export function ethStateMethods(deps: EthStateDependencies): RpcMethod[] {
  const blocks = new BlockResolver(deps.chain);
  async function stateAt(parameter: BlockParameter | undefined): Promise<StateView> {
    const header = await blocks.require(parameter ?? { kind: 'tag', tag: 'latest' });
    const state = await deps.state.stateAt(header);
    if (state === undefined) throw RpcErrors.worldStateUnavailable(`the state of block ${header.number} is no longer retained`);
    return state;
  }

  return [
    defineMethod({
      name: 'eth_getBalance',
      namespace: 'ETH',
      params: z.tuple([Address.describe('address'), Block.optional()]),
      handler: async ([address, block]) => bigintToHex(await (await stateAt(block)).balance(address)),
    }),
    defineMethod({
      name: 'eth_getCode',
      namespace: 'ETH',
      params: z.tuple([Address.describe('address'), Block.optional()]),
      handler: async ([address, block]) => bytesToHex(await (await stateAt(block)).code(address)),
    }),
    defineMethod({
      name: 'eth_getStorageAt',
      namespace: 'ETH',
      params: z.tuple([Address.describe('address'), StorageSlot.describe('slot'), Block.optional()]),
      handler: async ([address, slot, block]) => bytesToHex(bigintToFixedBytes(await (await stateAt(block)).storage(address, slot), 32)),
    }),
    defineMethod({
      name: 'eth_getTransactionCount',
      namespace: 'ETH',
      params: z.tuple([Address.describe('address'), Block.optional()]),
      handler: async ([address, block]) => {
        if (block?.kind === 'tag' && block.tag === 'pending' && deps.pendingNonce) {
          const pending = await deps.pendingNonce(address);
          if (pending !== undefined) return bigintToHex(pending);
        }
        return bigintToHex(await (await stateAt(block)).nonce(address));
      },
    }),
  ];
}
