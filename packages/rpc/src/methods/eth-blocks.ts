import { bigintToHex, blobBaseFee, type ChainConfig } from '@cairn/common';
import { z } from 'zod';
import type { ChainReader } from '../chain/backend';
import { BlockResolver } from '../chain/block-resolver';
import type { BlockView, TransactionRecord } from '../chain/views';
import { formatBlock, formatUncle } from '../format/block';
import { formatBlockReceipts } from '../format/receipt';
import { formatTransaction } from '../format/transaction';
import { defineMethod, type RpcMethod } from '../registry/method';
import { type BlockParameter, BlockNumberOrTag, BlockParameterSchema } from '../schemas/block-parameter';
import { Hash32, Uint64 } from '../schemas/primitives';

export interface EthBlockDependencies {
  readonly chain: ChainReader;
  /** Gives blob gas prices in receipts (from the fork's blob parameters). */
  readonly chainConfig: ChainConfig;
  /** A transaction still in the pool, for eth_getTransactionByHash; absent without a pool. */
  pendingTransaction?(hash: Uint8Array): Promise<TransactionRecord | undefined>;
}

const FullTransactions = z.boolean().describe('full transactions');
const Index = Uint64.describe('index');

/**
 * The block, transaction, receipt and uncle lookups. Anything the chain does not have is answered
 * with null, as geth and Besu do.
 */
export function ethBlockMethods(deps: EthBlockDependencies): RpcMethod[] {
  const { chain } = deps;
  const resolver = new BlockResolver(chain);

  async function blockAt(parameter: BlockParameter): Promise<BlockView | undefined> {
    const header = await resolver.find(parameter);
    return header === undefined ? undefined : chain.blockByHash(header.hash);
  }
  const byHash = (hash: Uint8Array) => chain.blockByHash(hash);
  const byNumber = (parameter: BlockParameter) => blockAt(parameter);

  function transactionAt(block: BlockView | undefined, index: bigint) {
    if (block === undefined || index >= BigInt(block.transactions.length)) return null;
    const { header } = block;
    return formatTransaction(block.transactions[Number(index)], { blockHash: header.hash, blockNumber: header.number, index: Number(index), baseFeePerGas: header.baseFeePerGas });
  }

  async function receiptsOf(block: BlockView | undefined) {
    if (block === undefined) return null;
    const receipts = await chain.receipts(block.header.hash);
    if (receipts === undefined) return null;
    const { header } = block;
    const rules = header.excessBlobGas === undefined ? undefined : deps.chainConfig.rulesAt(header.number, header.timestamp);
    const fee = rules?.blobParams && header.excessBlobGas !== undefined ? blobBaseFee(header.excessBlobGas, rules.blobParams) : undefined;
    return formatBlockReceipts(block, receipts, fee);
  }

  return [
    defineMethod({
      name: 'eth_blockNumber',
      namespace: 'ETH',
      params: z.tuple([]),
      handler: async () => bigintToHex((await chain.head()).number),
    }),
    defineMethod({
      name: 'eth_getBlockByHash',
      namespace: 'ETH',
      params: z.tuple([Hash32.describe('block hash'), FullTransactions]),
      handler: async ([hash, full]) => {
        const block = await byHash(hash);
        return block === undefined ? null : formatBlock(block, full);
      },
    }),
    defineMethod({
      name: 'eth_getBlockByNumber',
      namespace: 'ETH',
      params: z.tuple([BlockNumberOrTag.describe('block'), FullTransactions]),
      handler: async ([parameter, full]) => {
        const block = await byNumber(parameter);
        return block === undefined ? null : formatBlock(block, full);
      },
    }),
    defineMethod({
      name: 'eth_getBlockTransactionCountByHash',
      namespace: 'ETH',
      params: z.tuple([Hash32.describe('block hash')]),
      handler: async ([hash]) => {
        const block = await byHash(hash);
        return block === undefined ? null : bigintToHex(block.transactions.length);
      },
    }),
    defineMethod({
      name: 'eth_getBlockTransactionCountByNumber',
      namespace: 'ETH',
      params: z.tuple([BlockNumberOrTag.describe('block')]),
      handler: async ([parameter]) => {
        const block = await byNumber(parameter);
        return block === undefined ? null : bigintToHex(block.transactions.length);
      },
    }),
    defineMethod({
      name: 'eth_getUncleCountByBlockHash',
      namespace: 'ETH',
      params: z.tuple([Hash32.describe('block hash')]),
      handler: async ([hash]) => {
        const block = await byHash(hash);
        return block === undefined ? null : bigintToHex(block.ommers.length);
      },
    }),
    defineMethod({
      name: 'eth_getUncleCountByBlockNumber',
      namespace: 'ETH',
      params: z.tuple([BlockNumberOrTag.describe('block')]),
      handler: async ([parameter]) => {
        const block = await byNumber(parameter);
        return block === undefined ? null : bigintToHex(block.ommers.length);
      },
    }),
    defineMethod({
      name: 'eth_getUncleByBlockHashAndIndex',
      namespace: 'ETH',
      params: z.tuple([Hash32.describe('block hash'), Index]),
      handler: async ([hash, index]) => {
        const block = await byHash(hash);
        return block === undefined || index > 0xffffn ? null : formatUncle(block, Number(index));
      },
    }),
    defineMethod({
      name: 'eth_getUncleByBlockNumberAndIndex',
      namespace: 'ETH',
      params: z.tuple([BlockNumberOrTag.describe('block'), Index]),
      handler: async ([parameter, index]) => {
        const block = await byNumber(parameter);
        return block === undefined || index > 0xffffn ? null : formatUncle(block, Number(index));
      },
    }),
    defineMethod({
      name: 'eth_getTransactionByHash',
      namespace: 'ETH',
      params: z.tuple([Hash32.describe('transaction hash')]),
      handler: async ([hash]) => {
        const location = await chain.transactionLocation(hash);
        if (location !== undefined) return transactionAt(await byHash(location.blockHash), BigInt(location.index));
        const pending = await deps.pendingTransaction?.(hash);
        return pending === undefined ? null : formatTransaction(pending);
      },
    }),
    defineMethod({
      name: 'eth_getTransactionByBlockHashAndIndex',
      namespace: 'ETH',
      params: z.tuple([Hash32.describe('block hash'), Index]),
      handler: async ([hash, index]) => transactionAt(await byHash(hash), index),
    }),
    defineMethod({
      name: 'eth_getTransactionByBlockNumberAndIndex',
      namespace: 'ETH',
      params: z.tuple([BlockNumberOrTag.describe('block'), Index]),
      handler: async ([parameter, index]) => transactionAt(await byNumber(parameter), index),
    }),
    defineMethod({
      name: 'eth_getTransactionReceipt',
      namespace: 'ETH',
      params: z.tuple([Hash32.describe('transaction hash')]),
      handler: async ([hash]) => {
        const location = await chain.transactionLocation(hash);
        if (location === undefined) return null;
        return (await receiptsOf(await byHash(location.blockHash)))?.[location.index] ?? null;
      },
    }),
    defineMethod({
      name: 'eth_getBlockReceipts',
      namespace: 'ETH',
      params: z.tuple([BlockParameterSchema.describe('block')]),
      handler: async ([parameter]) => receiptsOf(await blockAt(parameter)),
    }),
  ];
}
