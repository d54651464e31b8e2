import { type Blockchain, bodyToRlp, receiptToRlp } from '@cairn/chain';
import { rlpEncode } from '@cairn/common';
import type { ChainHeadInfo, ChainView } from '@cairn/devp2p';

/**
 * The eth protocol's view of the blockchain: headers, bodies and receipts in their wire form
 * (RLP as `BlockHeaders`, `BlockBodies` and `Receipts` carry them), the canonical chain by
 * number, and the head with its total difficulty for Status and the fork id.
 */
export class BlockchainView implements ChainView {
  readonly networkId: bigint;
  private readonly chain: Blockchain;

  /** `networkId` is the chain id unless the network sets another (as Besu's `--network-id`). */
  constructor(chain: Blockchain, networkId: bigint = chain.config.chainId) {
    this.chain = chain;
    this.networkId = networkId;
  }

  get genesisHash(): Uint8Array {
    return this.chain.genesis.hash();
  }

  get chainConfig() {
    return this.chain.config;
  }

  get genesisTimestamp(): bigint {
    return this.chain.genesis.header.timestamp;
  }

  head(): ChainHeadInfo {
    const head = this.chain.head;
    return { hash: head.hash(), number: head.header.number, timestamp: head.header.timestamp, totalDifficulty: this.chain.headTotalDifficulty };
  }

  async getHeaderByHash(hash: Uint8Array): Promise<Uint8Array | undefined> {
    return (await this.chain.blocks.header(hash))?.encode();
  }

  async getHeaderByNumber(number: bigint): Promise<Uint8Array | undefined> {
    const hash = await this.chain.blocks.canonicalHash(number);
    return hash === undefined ? undefined : this.getHeaderByHash(hash);
  }

  async getBody(hash: Uint8Array): Promise<Uint8Array | undefined> {
    const body = await this.chain.blocks.body(hash);
    return body === undefined ? undefined : rlpEncode(bodyToRlp(body));
  }

  async getReceipts(hash: Uint8Array): Promise<Uint8Array | undefined> {
    const receipts = await this.chain.blocks.receipts(hash);
    return receipts === undefined ? undefined : rlpEncode(receipts.map(receiptToRlp));
  }
}
