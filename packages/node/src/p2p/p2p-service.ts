import type { Block, Blockchain, SenderRecovery, TransactionPool } from '@cairn/chain';
import { privateKeyToPublicKey } from '@cairn/common';
import { ETH_CAPABILITIES } from '@cairn/devp2p';
import type { EventSource, NodeIdentity, P2pStatus, PeerAdmin, SyncStatus } from '@cairn/rpc';
import { createSenderRecovery } from '../crypto/native-sender-recovery';
import type { Service } from '../lifecycle/service';
import type { Logger } from '../logging/logger';
import { BlockAnnouncements } from '../sync/block-announcements';
import { FullSync } from '../sync/full-sync';
import type { BlockImporter, SyncOptions } from '../sync/sync-options';
import { SyncState } from '../sync/sync-state';
import { BlockBroadcast } from './block-broadcast';
import { BlockchainView } from './chain-view';
import { P2pNetwork, type P2pNetworkConfig } from './p2p-network';
import { NetworkPeerAdmin, nodeIdentity } from './peer-admin';
import { TxGossip } from './tx-gossip';
import { PoolView } from './tx-pool-view';

export interface P2pServiceDependencies {
  readonly chain: Blockchain;
  /** Transactions gossip with the pool when there is one. */
  readonly pool?: TransactionPool;
  /** Where synced and announced blocks go; the chain itself unless the node wraps it to publish heads. */
  readonly importer?: BlockImporter;
  /** Recovers senders before import; the native backend where it loads. */
  readonly senders?: SenderRecovery;
  readonly log: Logger;
  readonly syncOptions?: Partial<SyncOptions>;
}

/** What the JSON-RPC layer reads of the network and the sync. */
export interface P2pRpcBackends {
  readonly p2p: P2pStatus;
  readonly identity: NodeIdentity;
  readonly peers: PeerAdmin;
  syncStatus(): SyncStatus | null;
  readonly syncing: EventSource<SyncStatus | null>;
  /** The highest eth version spoken (eth_protocolVersion). */
  protocolVersion(): number;
}

/**
 * The node's networking as one service: the p2p network (NAT, RLPx, eth, discovery, dialer),
 * full sync with its following of announced blocks, and transaction gossip with the pool.
 */
export class P2pService implements Service {
  readonly name = 'p2p';
  readonly network: P2pNetwork;
  readonly sync: FullSync;
  readonly syncState: SyncState;
  private readonly deps: P2pServiceDependencies;
  private readonly broadcast: BlockBroadcast;
  private readonly nodeId: Uint8Array;
  private gossip: TxGossip | undefined;

  constructor(config: P2pNetworkConfig, deps: P2pServiceDependencies) {
    this.deps = deps;
    this.nodeId = privateKeyToPublicKey(config.privateKey);
    const log = deps.log;
    const importer = deps.importer ?? deps.chain;
    const senders = deps.senders ?? createSenderRecovery();
    this.syncState = new SyncState((error) => log.error('sync status listener failed', error));
    this.sync = new FullSync({
      chain: deps.chain,
      importer,
      senders,
      status: this.syncState,
      log: log.child('sync'),
      options: deps.syncOptions,
      onRoundImported: (summary) => {
        if (summary.last) this.announceBlock(summary.last);
      },
    });
    const blocks = new BlockAnnouncements({ chain: deps.chain, importer, senders, sync: this.sync, announce: (block) => this.announceBlock(block), log });
    this.network = new P2pNetwork(config, {
      chain: new BlockchainView(deps.chain),
      blocks,
      txPool: deps.pool && new PoolView(deps.pool, log),
      log,
    });
    this.broadcast = new BlockBroadcast(deps.chain, () => this.network.peers());
  }

  async start(): Promise<void> {
    await this.network.start();
    this.sync.start(this.network);
    if (this.deps.pool) this.gossip = new TxGossip(this.deps.pool, () => this.network.peers().map((p) => p.eth));
    const local = this.network.local!;
    this.deps.log.info(`p2p listening: enode://${Buffer.from(this.nodeId).toString('hex')}@${local.address}:${local.tcpPort}`);
  }

  async stop(): Promise<void> {
    this.gossip?.stop();
    await this.sync.stop();
    await this.network.stop();
  }

  /** Passes a block this node made the head (sealed it, say) on to its peers. */
  announceBlock(block: Block): void {
    this.broadcast.announce(block).catch((error: Error) => this.deps.log.warn(`could not announce block #${block.header.number}: ${error.message}`));
  }

  rpcBackends(): P2pRpcBackends {
    const network = this.network;
    return {
      p2p: { isListening: () => network.isListening, peerCount: () => network.peers().length },
      identity: nodeIdentity(network, this.nodeId),
      peers: new NetworkPeerAdmin(network, this.sync.heads),
      syncStatus: () => this.syncState.status(),
      syncing: this.syncState,
      protocolVersion: () => Math.max(...ETH_CAPABILITIES.map((c) => c.version)),
    };
  }
}
