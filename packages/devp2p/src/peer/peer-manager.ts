import { connect, createServer, type Server, type Socket } from 'node:net';
import { bytesToHex, compareBytes, equalBytes, privateKeyToPublicKey } from '@cairn/common';
import { PeerError, RequestError } from '../errors';
import { DisconnectReason } from '../p2p/disconnect-reason';
import { P2pSession } from '../p2p/session';
import { RlpxConnection } from '../rlpx/connection';
import { type Enode, normalizeAddress } from './enode';
import { OffenceLog } from './offences';
import { establishPeer, type Peer, type PeerSetup } from './peer';

export interface PeerManagerOptions extends PeerSetup {
  readonly privateKey: Uint8Array;
  /** `--p2p-host` and `--p2p-port`; port 0 picks a free one. */
  readonly listenAddress: string;
  readonly listenPort: number;
  /** `--max-peers`: established and in-progress connections together. */
  readonly maxPeers: number;
  readonly dialTimeoutMs: number;
  /** Limit for the RLPx handshake (auth and ack). */
  readonly handshakeTimeoutMs: number;
  /** How long a node that committed an offence is refused. */
  readonly offenceBanMs: number;
}

type Listener<T> = (value: T) => void;

/**
 * Accepts and dials RLPx connections and keeps the set of eth peers: enforces the peer limit,
 * timeouts and the node allowlist, refuses duplicates and banned nodes, and records the offence
 * of every peer disconnected for a fault. Nothing a peer sends can throw out of it.
 */
export class PeerManager {
  readonly nodeId: Uint8Array;
  readonly offences: OffenceLog;
  private options: PeerManagerOptions;
  private readonly active = new Map<string, Peer>();
  private readonly pending = new Set<Socket>();
  /** Every open socket, including refused ones still flushing their Disconnect. */
  private readonly sockets = new Set<Socket>();
  private readonly addedListeners: Listener<Peer>[] = [];
  private readonly removedListeners: Listener<{ peer: Peer; reason: DisconnectReason; by: string }>[] = [];
  private server: Server | undefined;
  private closing = false;

  constructor(options: PeerManagerOptions) {
    this.options = options;
    this.nodeId = privateKeyToPublicKey(options.privateKey);
    this.offences = new OffenceLog(options.offenceBanMs);
  }

  onPeerAdded(listener: Listener<Peer>): void {
    this.addedListeners.push(listener);
  }

  onPeerRemoved(listener: Listener<{ peer: Peer; reason: DisconnectReason; by: string }>): void {
    this.removedListeners.push(listener);
  }

  peers(): Peer[] {
    return [...this.active.values()];
  }

  get peerCount(): number {
    return this.active.size;
  }

  /** Starts accepting connections; resolves with the bound port. */
  listen(): Promise<number> {
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    server.on('error', () => {
      // Accept errors (EMFILE and the like) affect one connection, not the node.
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.listenPort, this.options.listenAddress, () => {
        server.off('error', reject);
        const port = (server.address() as { port: number }).port;
        // Hello advertises the listening port; when it was left to the system, use the bound one.
        if (this.options.session.listenPort === 0) this.options = { ...this.options, session: { ...this.options.session, listenPort: port } };
        resolve(port);
      });
    });
  }

  /** Dials `node`, runs every handshake and resolves with the peer (or rejects, having cleaned up). */
  async connect(node: Enode): Promise<Peer> {
    const refusal = this.refusal(node.id, node.address, node.tcpPort);
    if (refusal) throw new PeerError('DIAL_REFUSED', refusal.why);
    const socket = await this.dial(node);
    this.track(socket);
    this.pending.add(socket);
    try {
      const connection = await RlpxConnection.initiate(socket, this.options.privateKey, node.id, this.options.handshakeTimeoutMs);
      return await this.establish(connection, 'outbound');
    } catch (error) {
      socket.destroy();
      throw error;
    } finally {
      this.pending.delete(socket);
    }
  }

  /** Disconnects the peer with this node id, if connected. */
  disconnect(nodeId: Uint8Array, reason = DisconnectReason.Requested): void {
    this.active.get(bytesToHex(nodeId))?.session.disconnect(reason);
  }

  /** Disconnects everyone (client quitting) and stops listening. */
  async close(): Promise<void> {
    this.closing = true;
    for (const peer of this.active.values()) peer.session.disconnect(DisconnectReason.ClientQuitting);
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Why a connection to or from this node is not wanted, or undefined when it is. */
  private refusal(id: Uint8Array, address: string, port?: number): { why: string; reason: DisconnectReason } | undefined {
    if (this.closing) return { why: 'shutting down', reason: DisconnectReason.ClientQuitting };
    if (equalBytes(id, this.nodeId)) return { why: 'that is this node', reason: DisconnectReason.SelfConnection };
    const existing = this.active.get(bytesToHex(id));
    if (existing && !this.replaces('inbound', existing)) return { why: 'already connected', reason: DisconnectReason.AlreadyConnected };
    if (this.active.size + this.pending.size >= this.options.maxPeers) return { why: 'too many peers', reason: DisconnectReason.TooManyPeers };
    if (this.offences.isBanned(id)) return { why: 'recent offence', reason: DisconnectReason.UselessPeer };
    if (this.options.allowlist && !this.options.allowlist.permits(id, address, port)) {
      return { why: 'not in the node allowlist', reason: DisconnectReason.UselessPeer };
    }
    return undefined;
  }

  /**
   * When two nodes dial each other at once, both sides must keep the same connection: the one
   * initiated by the node with the smaller id. True when a new connection in `direction` wins.
   */
  private replaces(direction: Peer['direction'], existing: Peer): boolean {
    if (existing.direction === direction) return false;
    const newInitiator = direction === 'outbound' ? this.nodeId : existing.nodeId;
    const oldInitiator = existing.direction === 'outbound' ? this.nodeId : existing.nodeId;
    return compareBytes(newInitiator, oldInitiator) < 0;
  }

  private dial(node: Enode): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: node.address, port: node.tcpPort });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new RequestError('REQUEST_TIMEOUT', `dial to ${node.address}:${node.tcpPort} timed out`));
      }, this.options.dialTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(socket);
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(new PeerError('DIAL_FAILED', `dial to ${node.address}:${node.tcpPort} failed: ${error.message}`));
      });
    });
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  private async accept(socket: Socket): Promise<void> {
    socket.on('error', () => socket.destroy());
    this.track(socket);
    if (this.closing || this.active.size + this.pending.size >= this.options.maxPeers + 1) {
      // Far over the limit: not even worth a handshake to say so.
      socket.destroy();
      return;
    }
    this.pending.add(socket);
    try {
      const connection = await RlpxConnection.accept(socket, this.options.privateKey, this.options.handshakeTimeoutMs);
      this.pending.delete(socket);
      const refusal = this.refusal(connection.remoteId, normalizeAddress(connection.remoteAddress));
      if (refusal) {
        new P2pSession(connection, this.options.session).disconnect(refusal.reason);
        return;
      }
      this.pending.add(socket);
      await this.establish(connection, 'inbound');
    } catch {
      // The handshake failed or the peer was refused; it has been disconnected and, for faults, recorded.
      socket.destroy();
    } finally {
      this.pending.delete(socket);
    }
  }

  private async establish(connection: RlpxConnection, direction: Peer['direction']): Promise<Peer> {
    const session = new P2pSession(connection, this.options.session);
    let peer: Peer;
    try {
      peer = await establishPeer(session, direction, this.options);
    } catch (error) {
      // Faults found during Hello or Status were answered with a Disconnect that carries them.
      const info = session.disconnectInfo;
      if (info?.error) this.recordFault(connection.remoteId, normalizeAddress(connection.remoteAddress), info.error, info.reason);
      else if (session.isOpen) session.disconnect(DisconnectReason.Requested);
      throw error;
    }
    const key = bytesToHex(peer.nodeId);
    const existing = this.active.get(key);
    if (this.closing || (existing && !this.replaces(direction, existing))) {
      peer.session.disconnect(this.closing ? DisconnectReason.ClientQuitting : DisconnectReason.AlreadyConnected);
      throw new PeerError('DUPLICATE_PEER', 'already connected');
    }
    this.active.set(key, peer);
    existing?.session.disconnect(DisconnectReason.AlreadyConnected);
    peer.session.onClose((info) => {
      if (this.active.get(key) === peer) this.active.delete(key);
      if (info.error) this.recordFault(peer.nodeId, peer.address, info.error, info.reason);
      for (const l of this.removedListeners) l({ peer, reason: info.reason, by: info.by });
    });
    for (const l of this.addedListeners) l(peer);
    return peer;
  }

  private recordFault(nodeId: Uint8Array, address: string, error: PeerError, reason: DisconnectReason): void {
    this.offences.record({ nodeId, address, code: error.code, message: error.message, reason });
  }
}

