import type { ChainConfig } from '@cairn/common';
import type { BlockAnnouncement, NewBlock } from './announcements';

/** The local chain's head as Status and fork ids need it. */
export interface ChainHeadInfo {
  readonly hash: Uint8Array;
  readonly number: bigint;
  readonly timestamp: bigint;
  readonly totalDifficulty: bigint;
}

/**
 * What the eth protocol reads from the node's chain. Blocks stay encoded at this layer: headers,
 * bodies (`[transactions, ommers, withdrawals?]`) and per-block receipt lists are RLP bytes in
 * their wire form, so the node decides how it stores them and this package never decodes them.
 */
export interface ChainView {
  readonly networkId: bigint;
  readonly genesisHash: Uint8Array;
  /** The fork schedule the fork id is computed from, and the genesis block's timestamp. */
  readonly chainConfig: ChainConfig;
  readonly genesisTimestamp: bigint;
  head(): ChainHeadInfo;
  getHeaderByHash(hash: Uint8Array): Promise<Uint8Array | undefined>;
  /** The canonical header at `number`. */
  getHeaderByNumber(number: bigint): Promise<Uint8Array | undefined>;
  getBody(hash: Uint8Array): Promise<Uint8Array | undefined>;
  /** The block's receipts as an encoded list (typed receipts as byte strings). */
  getReceipts(hash: Uint8Array): Promise<Uint8Array | undefined>;
}

/** Who sent something: enough for the node to log it, score it or ask that peer for more. */
export interface PeerRef {
  readonly nodeId: Uint8Array;
  readonly address: string;
}

/** The node's verdict on a block a peer pushed. An invalid block gets the peer disconnected. */
export type BlockVerdict = { readonly valid: true } | { readonly valid: false; readonly reason: string };

/** Where announced blocks go: the node validates, imports or fetches them. */
export interface BlockSink {
  onNewBlock(block: NewBlock, from: PeerRef): Promise<BlockVerdict>;
  onNewBlockHashes(entries: readonly BlockAnnouncement[], from: PeerRef): void;
}

/** What the eth protocol needs of the transaction pool. Transactions are in binary form. */
export interface TxPoolView {
  has(hash: Uint8Array): boolean;
  /** The pooled transactions with these hashes; missing ones are left out. */
  getTransactions(hashes: readonly Uint8Array[]): Uint8Array[];
  /** Transactions a peer sent; the pool validates them and drops the bad ones. */
  addRemoteTransactions(txs: readonly Uint8Array[], from: PeerRef): void;
}
