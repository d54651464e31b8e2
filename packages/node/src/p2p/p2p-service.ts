import type { Block, Blockchain, SenderRecovery, TransactionPool } from '@cairn/chain';
import { privateKeyToPublicKey } from '@cairn/common';
import { ETH_CAPABILITIES, formatEnode } from '@cairn/devp2p';
import type { EventSource, NodeIdentity, P2pStatus, PeerAdmin, SyncStatus } from '@cairn/rpc';
import { BlockImporter } from '../chain/block-importer';
import { createSenderRecovery } from '../crypto/native-sender-recovery';
import type { Service } from '../lifecycle/service';
import type { Logger } from '../logging/logger';
import { BlockAnnouncements } from '../sync/block-announcements';
import { FullSync } from '../sync/full-sync';
import type { SyncOptions } from '../sync/sync-options';
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
  /** The node's importer, whose head listeners (pool, RPC) hear of synced blocks; a new one over the chain by default. */
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
    const importer = deps.importer ?? new BlockImporter(deps.chain, log);
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
    const blocks = new BlockAnnouncements({ chain: deps.chain, importer, senders, sync: this.sync, log });
    this.network = new P2pNetwork(config, {
      chain: new BlockchainView(deps.chain),
      blocks,
      txPool: deps.pool && new PoolView(deps.pool, log),
      log,
    });
    this.broadcast = new BlockBroadcast(deps.chain, () => this.network.peers());
    // Every head reached outside a sync round (sealed here, or announced and imported) goes on to
    // the peers that lack it; during a round the blocks are old news, and its last one is
    // announced when it ends.
    importer.onHeadChange((change) => {
      if (!this.sync.isSyncing) this.announceBlock(change.head);
    });
  }

  async start(): Promise<void> {
    await this.network.start();
    this.sync.start(this.network);
    if (this.deps.pool) this.gossip = new TxGossip(this.deps.pool, () => this.network.peers().map((p) => p.eth));
    this.deps.log.info(`p2p listening: ${this.enode}`);
  }

  /** This node's enode URL once started (with the external endpoint under NAT). */
  get enode(): string | undefined {
    const local = this.network.local;
    return local && formatEnode({ id: this.nodeId, address: local.address, tcpPort: local.tcpPort, udpPort: this.network.enr ? local.udpPort : local.tcpPort });
  }

  async stop(): Promise<void> {
    this.gossip?.stop();
    await this.sync.stop();
    await this.network.stop();
  }

  /** Passes a block that became the head on to the peers that lack it. */
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
