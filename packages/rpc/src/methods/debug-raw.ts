import { type Block, encodeReceipt } from '@cairn/chain';
import { bytesToHex } from '@cairn/common';
import { z } from 'zod';
import type { ChainReader } from '../chain/backend';
import { BlockResolver } from '../chain/block-resolver';
import { RpcErrors } from '../errors/application-errors';
import { defineMethod, type RpcMethod } from '../registry/method';
import { type BlockParameter, BlockParameterSchema } from '../schemas/block-parameter';
import { Hash32 } from '../schemas/primitives';

const BlockParam = BlockParameterSchema.describe('block');

/**
 * debug_getRawHeader, debug_getRawBlock, debug_getRawReceipts (EIP-2718 encodings) and
 * debug_getRawTransaction: the consensus encodings, as geth serves them. A missing block is an
 * error (-32000 "Block not found"), a missing transaction null.
 */
export function debugRawMethods(deps: { chain: ChainReader }): RpcMethod[] {
  const { chain } = deps;
  const resolver = new BlockResolver(chain);
  async function blockAt(parameter: BlockParameter): Promise<Block> {
    const header = await resolver.find(parameter);
    const block = header && (await chain.blockByHash(header.hash()));
    if (block === undefined) throw RpcErrors.blockNotFound();
    return block;
  }

  return [
    defineMethod({
      name: 'debug_getRawHeader',
      namespace: 'DEBUG',
      params: z.tuple([BlockParam]),
      handler: async ([parameter]) => bytesToHex((await blockAt(parameter)).header.encode()),
    }),
    defineMethod({
      name: 'debug_getRawBlock',
      namespace: 'DEBUG',
      params: z.tuple([BlockParam]),
      handler: async ([parameter]) => bytesToHex((await blockAt(parameter)).encode()),
    }),
    defineMethod({
      name: 'debug_getRawReceipts',
      namespace: 'DEBUG',
      params: z.tuple([BlockParam]),
      handler: async ([parameter]) => {
        const block = await blockAt(parameter);
        const receipts = await chain.receipts(block.hash());
        if (receipts === undefined) throw RpcErrors.blockNotFound('its receipts are not stored');
        return receipts.map((receipt) => bytesToHex(encodeReceipt(receipt)));
      },
    }),
    defineMethod({
      name: 'debug_getRawTransaction',
      namespace: 'DEBUG',
      params: z.tuple([Hash32.describe('transaction hash')]),
      handler: async ([hash]) => {
        const location = await chain.transactionLocation(hash);
        const block = location && (await chain.blockByHash(location.blockHash));
        const transaction = location && block?.transactions[location.index];
        return transaction ? bytesToHex(transaction.encode()) : null;
      },
    }),
  ];
}
