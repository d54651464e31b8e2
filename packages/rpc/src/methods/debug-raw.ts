import { bytesToHex } from '@cairn/common';
import { z } from 'zod';
import type { ChainReader } from '../chain/backend';
import { BlockResolver } from '../chain/block-resolver';
import type { RawEncoder } from '../chain/raw';
import type { BlockView } from '../chain/views';
import { RpcErrors } from '../errors/application-errors';
import { defineMethod, type RpcMethod } from '../registry/method';
import { type BlockParameter, BlockParameterSchema } from '../schemas/block-parameter';
import { Hash32 } from '../schemas/primitives';

const Block = BlockParameterSchema.describe('block');

/**
 * debug_getRawHeader, debug_getRawBlock, debug_getRawReceipts and debug_getRawTransaction: the
 * consensus encodings, as geth serves them. A missing block is an error (-32000 "Block not found").
 */
export function debugRawMethods(deps: { chain: ChainReader; encoder: RawEncoder }): RpcMethod[] {
  const { chain, encoder } = deps;
  const resolver = new BlockResolver(chain);
  async function blockAt(parameter: BlockParameter): Promise<BlockView> {
    const header = await resolver.find(parameter);
    const block = header && (await chain.blockByHash(header.hash));
    if (block === undefined) throw RpcErrors.blockNotFound();
    return block;
  }

  return [
    defineMethod({
      name: 'debug_getRawHeader',
      namespace: 'DEBUG',
      params: z.tuple([Block]),
      handler: async ([parameter]) => bytesToHex(encoder.header((await blockAt(parameter)).header)),
    }),
    defineMethod({
      name: 'debug_getRawBlock',
      namespace: 'DEBUG',
      params: z.tuple([Block]),
      handler: async ([parameter]) => bytesToHex(encoder.block(await blockAt(parameter))),
    }),
    defineMethod({
      name: 'debug_getRawReceipts',
      namespace: 'DEBUG',
      params: z.tuple([Block]),
      handler: async ([parameter]) => {
        const block = await blockAt(parameter);
        const receipts = await chain.receipts(block.header.hash);
        if (receipts === undefined) throw RpcErrors.blockNotFound('its receipts are not stored');
        return receipts.map((receipt) => bytesToHex(encoder.receipt(receipt)));
      },
    }),
    defineMethod({
      name: 'debug_getRawTransaction',
      namespace: 'DEBUG',
      params: z.tuple([Hash32.describe('transaction hash')]),
      handler: async ([hash]) => {
        const location = await chain.transactionLocation(hash);
        const block = location && (await chain.blockByHash(location.blockHash));
        const record = location && block?.transactions[location.index];
        return record ? bytesToHex(encoder.transaction(record.transaction)) : null;
      },
    }),
  ];
}
