import type { Block, Transaction } from '@cairn/chain';
import { bigintToHex, blobBaseFee, type ChainConfig } from '@cairn/common';
import { z } from 'zod';
import type { ChainReader } from '../chain/backend';
import { BlockResolver } from '../chain/block-resolver';
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
  pendingTransaction?(hash: Uint8Array): Promise<Transaction | undefined>;
}

const FullTransactions = z.boolean().describe('full transactions');
const Index = Uint64.describe('index');
const ByHash = Hash32.describe('block hash');
const ByNumber = BlockNumberOrTag.describe('block');

/**
 * The block, transaction, receipt and uncle lookups. Anything the chain does not have is answered
 * with null, as geth and Besu do.
 */
export function ethBlockMethods(deps: EthBlockDependencies): RpcMethod[] {
  const { chain } = deps;
  const resolver = new BlockResolver(chain);
  const byHash = (hash: Uint8Array) => chain.blockByHash(hash);
  async function byParameter(parameter: BlockParameter): Promise<Block | undefined> {
    const header = await resolver.find(parameter);
    return header === undefined ? undefined : chain.blockByHash(header.hash());
  }

  /** The `…ByHash` and `…ByNumber` twins of one lookup: the same answer from a block found either way. */
  function lookupPair<Rest extends z.ZodType[]>(names: [string, string], rest: [...Rest], answer: (block: Block, rest: unknown[]) => unknown) {
    const respond = (block: Block | undefined, values: unknown[]) => (block === undefined ? null : answer(block, values));
    return [
      defineMethod({
        name: names[0],
        namespace: 'ETH',
        params: z.tuple([ByHash, ...rest]),
        handler: async ([hash, ...values]) => respond(await byHash(hash as Uint8Array), values),
      }),
      defineMethod({
        name: names[1],
        namespace: 'ETH',
        params: z.tuple([ByNumber, ...rest]),
        handler: async ([parameter, ...values]) => respond(await byParameter(parameter as BlockParameter), values),
      }),
    ];
  }

  function transactionAt(block: Block, index: bigint) {
    if (index >= BigInt(block.transactions.length)) return null;
    const { header } = block;
    return formatTransaction(block.transactions[Number(index)], {
      blockHash: header.hash(),
      blockNumber: header.number,
      index: Number(index),
      baseFeePerGas: header.baseFeePerGas,
    });
  }

  async function receiptsOf(block: Block | undefined) {
    if (block === undefined) return null;
    const receipts = await chain.receipts(block.hash());
    if (receipts === undefined) return null;
    const { header } = block;
    const blobParams = deps.chainConfig.rulesAt(header.number, header.timestamp).blobParams;
    const fee = blobParams && header.excessBlobGas !== undefined ? blobBaseFee(header.excessBlobGas, blobParams) : undefined;
    return formatBlockReceipts(block, receipts, fee);
  }

  return [
    defineMethod({
      name: 'eth_blockNumber',
      namespace: 'ETH',
      params: z.tuple([]),
      handler: async () => bigintToHex((await chain.head()).number),
    }),
    ...lookupPair(['eth_getBlockByHash', 'eth_getBlockByNumber'], [FullTransactions], async (block, [full]) =>
      formatBlock(block, full as boolean, await chain.totalDifficulty?.(block.hash())),
    ),
    ...lookupPair(['eth_getBlockTransactionCountByHash', 'eth_getBlockTransactionCountByNumber'], [], (block) =>
      bigintToHex(block.transactions.length),
    ),
    ...lookupPair(['eth_getUncleCountByBlockHash', 'eth_getUncleCountByBlockNumber'], [], (block) => bigintToHex(block.ommers.length)),
    ...lookupPair(['eth_getUncleByBlockHashAndIndex', 'eth_getUncleByBlockNumberAndIndex'], [Index], (block, [index]) =>
      (index as bigint) > 0xffffn ? null : formatUncle(block, Number(index)),
    ),
    ...lookupPair(['eth_getTransactionByBlockHashAndIndex', 'eth_getTransactionByBlockNumberAndIndex'], [Index], (block, [index]) =>
      transactionAt(block, index as bigint),
    ),
    defineMethod({
      name: 'eth_getTransactionByHash',
      namespace: 'ETH',
      params: z.tuple([Hash32.describe('transaction hash')]),
      handler: async ([hash]) => {
        const location = await chain.transactionLocation(hash);
        const block = location && (await byHash(location.blockHash));
        if (location !== undefined && block !== undefined) return transactionAt(block, BigInt(location.index));
        const pending = await deps.pendingTransaction?.(hash);
        return pending === undefined ? null : formatTransaction(pending);
      },
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
      handler: async ([parameter]) => receiptsOf(await byParameter(parameter)),
    }),
  ];
}
