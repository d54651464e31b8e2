import type { Block, Blockchain, BlockHeader, Receipt } from '@cairn/chain';
import type { ChainReader, TransactionLocation } from '@cairn/rpc';

/**
 * Which blocks consensus calls safe and finalized. Engines with no finality (proof of work)
 * give undefined, which RPC reports as an unknown block.
 */
export interface ChainFinality {
  safe(): BlockHeader | undefined;
  finalized(): BlockHeader | undefined;
}

/** No block is ever final (proof of work, or a chain whose consensus client is not attached). */
export const NO_FINALITY: ChainFinality = { safe: () => undefined, finalized: () => undefined };

/** The RPC layer's read access to the block store of a `Blockchain`. */
export class BlockchainReader implements ChainReader {
  constructor(
    private readonly chain: Blockchain,
    private readonly finality: ChainFinality,
  ) {}

  async head(): Promise<BlockHeader> {
    return this.chain.head.header;
  }

  async safe(): Promise<BlockHeader | undefined> {
    return this.finality.safe();
  }

  async finalized(): Promise<BlockHeader | undefined> {
    return this.finality.finalized();
  }

  async headerByNumber(number: bigint): Promise<BlockHeader | undefined> {
    const head = this.chain.head.header;
    if (number === head.number) return head;
    if (number > head.number) return undefined;
    const hash = await this.chain.blocks.canonicalHash(number);
    return hash === undefined ? undefined : this.chain.blocks.header(hash);
  }

  headerByHash(hash: Uint8Array): Promise<BlockHeader | undefined> {
    return this.chain.blocks.header(hash);
  }

  blockByHash(hash: Uint8Array): Promise<Block | undefined> {
    return this.chain.blocks.block(hash);
  }

  receipts(blockHash: Uint8Array): Promise<readonly Receipt[] | undefined> {
    return this.chain.blocks.receipts(blockHash);
  }

  transactionLocation(hash: Uint8Array): Promise<TransactionLocation | undefined> {
    return this.chain.blocks.transactionLocation(hash);
  }

  totalDifficulty(blockHash: Uint8Array): Promise<bigint | undefined> {
    return this.chain.blocks.totalDifficulty(blockHash);
  }
}
