import {
  type BlockSink,
  type ChainView,
  DEFAULT_NAT_OPTIONS,
  Dialer,
  Discovery,
  disconnectReasonName,
  type Enode,
  type Enr,
  ForkIdSchedule,
  formatEnode,
  type NatMethod,
  NatService,
  type NodeAllowlist,
  type Peer,
  PeerManager,
  type PeerManagerConfig,
  peerManagerOptions,
  type TxPoolView,
} from '@cairn/devp2p';
import type { Logger } from '../logging/logger';
import { StaticPeers } from './static-peers';

/** The p2p options of the node (Besu's flags) and the key that is its identity. */
export interface P2pNetworkConfig {
  readonly privateKey: Uint8Array;
  /** `--p2p-host`: the address advertised in the enode and the node record (unless NAT finds the external one). */
  readonly host: string;
  /** `--p2p-interface`: where the TCP and UDP sockets listen. */
  readonly listenInterface: string;
  /** `--p2p-port`, for TCP and UDP alike; 0 lets the system pick (tests). */
  readonly port: number;
  readonly discovery: boolean;
  readonly bootnodes: readonly Enode[];
  readonly maxPeers: number;
  readonly natMethod: NatMethod;
  readonly allowlist?: NodeAllowlist;
  readonly clientId: string;
  /** Timeouts and limits other than the defaults (tests shorten them). */
  readonly overrides?: PeerManagerConfig['overrides'];
  /** How often the dialer looks for peers to dial, and how long after a failed dial it waits. */
  readonly dialIntervalMs?: number;
  readonly dialRetryMs?: number;
}

/** What the eth protocol serves from and hands announcements to. */
export interface P2pNetworkDependencies {
  readonly chain: ChainView;
  readonly blocks: BlockSink;
  readonly txPool?: TxPoolView;
  readonly log: Logger;
}

/** Where other nodes reach this one. */
export interface LocalEndpoint {
  readonly address: string;
  readonly tcpPort: number;
  readonly udpPort: number;
}

/**
 * The node's peer-to-peer network: NAT port mapping (`--nat-method`), the RLPx listener and the
 * peer manager (limits, timeouts, allowlist, offences), discovery v4 from the bootnodes, and a
 * dialer that keeps the peer count up from the discovery table and the static peers
 * (admin_addPeer). Started in that order and stopped in reverse.
 */
export class P2pNetwork {
  readonly statics = new StaticPeers();
  private readonly config: P2pNetworkConfig;
  private readonly deps: P2pNetworkDependencies;
  private readonly addedListeners: ((peer: Peer) => void)[] = [];
  private readonly removedListeners: ((event: { peer: Peer }) => void)[] = [];
  private nat: NatService | undefined;
  private manager: PeerManager | undefined;
  private discovery: Discovery | undefined;
  private dialer: Dialer | undefined;
  private endpoint: LocalEndpoint | undefined;

  constructor(config: P2pNetworkConfig, deps: P2pNetworkDependencies) {
    this.config = config;
    this.deps = deps;
  }

  get isListening(): boolean {
    return this.manager !== undefined;
  }

  /** Where this node is reached, once started. */
  get local(): LocalEndpoint | undefined {
    return this.endpoint;
  }

  get enr(): Enr | undefined {
    return this.discovery?.enr;
  }

  get peerManager(): PeerManager | undefined {
    return this.manager;
  }

  peers(): Peer[] {
    return this.manager?.peers() ?? [];
  }

  /** Listens for peers joining, whether the network is started yet or not. */
  onPeerAdded(listener: (peer: Peer) => void): void {
    this.addedListeners.push(listener);
    this.manager?.onPeerAdded(listener);
  }

  onPeerRemoved(listener: (event: { peer: Peer }) => void): void {
    this.removedListeners.push(listener);
    this.manager?.onPeerRemoved(listener);
  }

  async start(): Promise<void> {
    const { config, deps } = this;
    const nat = new NatService({ ...DEFAULT_NAT_OPTIONS, method: config.natMethod, tcpPort: config.port, udpPort: config.port });
    this.nat = nat;
    const external = await nat.start();
    if (external) deps.log.info(`UPnP: mapped TCP ${external.tcpPort} and UDP ${external.udpPort} on ${external.address}`);
    const manager = new PeerManager(
      peerManagerOptions({
        privateKey: config.privateKey,
        chain: deps.chain,
        blocks: deps.blocks,
        txPool: deps.txPool,
        listenAddress: config.listenInterface,
        listenPort: config.port,
        advertisedPort: external?.tcpPort,
        maxPeers: config.maxPeers,
        clientId: config.clientId,
        allowlist: config.allowlist,
        overrides: config.overrides,
      }),
    );
    for (const l of this.addedListeners) manager.onPeerAdded(l);
    for (const l of this.removedListeners) manager.onPeerRemoved(l);
    manager.onPeerAdded((peer) => deps.log.info(`peer connected: ${formatEnode(peer.enode)} ${peer.hello.clientId} (${manager.peerCount} peers)`));
    manager.onPeerRemoved(({ peer, reason, by }) => {
      const fault = peer.session.disconnectInfo?.error;
      const why = fault ? `, offence ${fault.code}: ${fault.message}` : '';
      deps.log.info(`peer disconnected: ${formatEnode(peer.enode)} by ${by}, ${disconnectReasonName(reason)}${why} (${manager.peerCount} peers)`);
    });
    const tcpPort = await manager.listen();
    this.manager = manager;
    const address = external?.address ?? config.host;
    this.endpoint = { address, tcpPort: external?.tcpPort ?? tcpPort, udpPort: external?.udpPort ?? tcpPort };
    if (config.discovery) await this.startDiscovery(address, tcpPort);
    this.dialer = new Dialer(manager, () => this.candidates(), {
      concurrency: 4,
      retryAfterMs: config.dialRetryMs ?? 30_000,
      intervalMs: config.dialIntervalMs ?? 2_000,
      maxPeers: config.maxPeers,
    });
    this.dialer.start();
  }

  async stop(): Promise<void> {
    this.dialer?.stop();
    this.discovery?.stop();
    await this.manager?.close();
    this.manager = undefined;
    await this.nat?.stop();
  }

  /** Dials `node` now (admin_addPeer); the dialer keeps trying if this fails. */
  connect(node: Enode): void {
    this.manager?.connect(node).catch((error: Error) => this.deps.log.debug(`dial to ${node.address}:${node.tcpPort} failed: ${error.message}`));
  }

  disconnect(node: Enode): void {
    this.manager?.disconnect(node.id);
  }

  private async startDiscovery(address: string, tcpPort: number): Promise<void> {
    const { config, deps } = this;
    const forkIds = new ForkIdSchedule(deps.chain.genesisHash, deps.chain.chainConfig, deps.chain.genesisTimestamp);
    const discovery = new Discovery({
      privateKey: config.privateKey,
      bindAddress: config.listenInterface,
      // Discovery shares the TCP port's number, so the enode needs no separate discport.
      bindPort: tcpPort,
      advertised: { address, udpPort: this.endpoint!.udpPort, tcpPort: this.endpoint!.tcpPort },
      bootnodes: config.bootnodes,
      requestTimeoutMs: 500,
      revalidateIntervalMs: 10_000,
      refreshIntervalMs: 30 * 60_000,
      accept: config.allowlist ? (id, ip, udpPort) => config.allowlist!.permitsDiscovery(id, ip, udpPort) : undefined,
      forkId: () => forkIds.forkIdAt(deps.chain.head()),
    });
    await discovery.start();
    this.discovery = discovery;
    discovery.onNodeAdded(() => this.dialer?.round());
    // The first lookup takes a few round trips; the node runs meanwhile and dials what it finds.
    discovery.bootstrap().catch((error: Error) => deps.log.warn(`discovery bootstrap failed: ${error.message}`));
  }

  /** Static peers first, then what discovery found. */
  private *candidates(): Iterable<Enode> {
    yield* this.statics.all();
    for (const entry of this.discovery?.table.all() ?? []) {
      yield { id: entry.id, address: entry.address, tcpPort: entry.tcpPort, udpPort: entry.udpPort };
    }
  }
}
