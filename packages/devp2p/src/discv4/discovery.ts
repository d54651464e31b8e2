import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { isIP } from 'node:net';
import { bytesToHex, equalBytes, privateKeyToPublicKey, type RlpValue, randomPrivateKey, rlpDecode } from '@cairn/common';
import { RequestError } from '../errors';
import type { ForkId } from '../forkid/fork-id';
import { createEnr, decodeEnr, type Enr } from '../enr/enr';
import { type Enode, normalizeAddress } from '../peer/enode';
import { BUCKET_SIZE, KademliaTable, sortByDistance, type TableEntry } from './kademlia';
import { decodePacket, type Endpoint, encodePacket, expiresIn, isExpired, type Message, type NodeRecord, PacketType } from './packets';
import { PendingReplies } from './pending';

export interface DiscoveryOptions {
  readonly privateKey: Uint8Array;
  /** Where the UDP socket binds (`--p2p-host`, `--p2p-port`; 0 picks a free port). */
  readonly bindAddress: string;
  readonly bindPort: number;
  /** The address and ports this node advertises (the external ones behind NAT); a UDP port of 0 means the bound one. */
  readonly advertised: Endpoint;
  readonly bootnodes: readonly Enode[];
  readonly requestTimeoutMs: number;
  /** How often one table entry is re-pinged, and how often a random lookup refreshes the table. */
  readonly revalidateIntervalMs: number;
  readonly refreshIntervalMs: number;
  /** Nodes this returns false for are ignored (the node allowlist). */
  readonly accept?: (id: Uint8Array, address: string, udpPort: number) => boolean;
  /** The fork id put in the local ENR's `eth` entry. */
  readonly forkId?: () => ForkId;
}

/** How long a pong (either way) keeps a node bonded: 12 hours, as in geth. */
const BOND_EXPIRY_MS = 12 * 60 * 60 * 1000;
/** Concurrent queries of a lookup (Kademlia's alpha). */
const ALPHA = 3;
/** Neighbors nodes per packet: 12 keeps a packet of IPv4 nodes under 1280 bytes. */
const NODES_PER_PACKET = 12;

type Listener = (node: TableEntry) => void;

/**
 * Node discovery v4: a UDP service that answers ping, findnode and ENR requests, bonds with
 * nodes before trusting them (endpoint proof), keeps a Kademlia table whose entries are
 * re-pinged and replaced when silent, and finds nodes by iterative lookups from the bootnodes.
 */
export class Discovery {
  readonly id: Uint8Array;
  readonly table: KademliaTable;
  private options: DiscoveryOptions;
  private readonly socket: Socket;
  private readonly pongs = new PendingReplies<{ enrSeq?: bigint }>();
  private readonly neighbors = new PendingReplies<NodeRecord[]>();
  private readonly enrReplies = new PendingReplies<Enr>();
  /** Found nodes per pending findnode, since Neighbors may span packets. */
  private readonly found = new Map<string, NodeRecord[]>();
  private readonly lastPongFrom = new Map<string, number>();
  private readonly lastPingFrom = new Map<string, number>();
  private readonly pingsInFlight = new Map<string, Promise<boolean>>();
  private readonly listeners: Listener[] = [];
  private localEnr: Enr;
  private timers: NodeJS.Timeout[] = [];
  private closed = false;

  constructor(options: DiscoveryOptions) {
    this.options = options;
    this.id = privateKeyToPublicKey(options.privateKey);
    this.table = new KademliaTable(this.id);
    this.socket = createSocket('udp4');
    this.socket.on('message', (msg, rinfo) => this.receive(new Uint8Array(msg.buffer, msg.byteOffset, msg.byteLength), rinfo));
    this.socket.on('error', () => {
      // A send to an unreachable port reports here; the request's timeout deals with it.
    });
    this.localEnr = this.buildEnr(1n);
  }

  get enr(): Enr {
    return this.localEnr;
  }

  /** Called for each node that joins the table (proved alive by a pong). */
  onNodeAdded(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Binds the socket, bonds with the bootnodes, fills the table and starts maintenance. */
  async start(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.socket.once('error', reject);
      this.socket.bind(this.options.bindPort, this.options.bindAddress, () => {
        this.socket.off('error', reject);
        resolve();
      });
    });
    const port = this.socket.address().port;
    if (this.options.advertised.udpPort === 0) {
      this.options = { ...this.options, advertised: { ...this.options.advertised, udpPort: port } };
      this.localEnr = this.buildEnr(this.localEnr.seq + 1n);
    }
    this.timers.push(setInterval(() => this.revalidate().catch(() => undefined), this.options.revalidateIntervalMs));
    // Refresh: a lookup for a random id walks a different part of the id space each time.
    this.timers.push(setInterval(() => this.lookup(privateKeyToPublicKey(randomPrivateKey())).catch(() => undefined), this.options.refreshIntervalMs));
    return port;
  }

  /** Pings the bootnodes and runs a lookup for this node's own id to fill the table. */
  async bootstrap(): Promise<void> {
    await Promise.all(this.options.bootnodes.map((b) => this.bond({ id: b.id, address: b.address, udpPort: b.udpPort, tcpPort: b.tcpPort })));
    await this.lookup(this.id);
  }

  stop(): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    const error = new RequestError('PEER_GONE', 'discovery stopped');
    this.pongs.rejectAll(error);
    this.neighbors.rejectAll(error);
    this.enrReplies.rejectAll(error);
    this.socket.close();
  }

  /** Pings a node; true when it answered with a valid pong in time. */
  ping(node: NodeRecord): Promise<boolean> {
    const key = bytesToHex(node.id);
    const inFlight = this.pingsInFlight.get(key);
    if (inFlight) return inFlight;
    const { hash } = this.send(node, {
      type: PacketType.Ping,
      version: 4n,
      from: this.options.advertised,
      to: { address: node.address, udpPort: node.udpPort, tcpPort: node.tcpPort },
      expiration: expiresIn(),
      enrSeq: this.localEnr.seq,
    });
    const result = this.pongs.wait(`${key}:${bytesToHex(hash)}`, this.options.requestTimeoutMs, 'pong').then(
      () => true,
      () => false,
    );
    this.pingsInFlight.set(key, result);
    return result.finally(() => this.pingsInFlight.delete(key));
  }

  /** Asks `node` for the nodes closest to `target`, bonding first if needed. */
  async findNode(node: NodeRecord, target: Uint8Array): Promise<NodeRecord[]> {
    if (!(await this.bond(node))) throw new RequestError('REQUEST_TIMEOUT', 'node did not answer ping');
    const key = bytesToHex(node.id);
    this.found.set(key, []);
    const answer = this.neighbors.wait(key, this.options.requestTimeoutMs, 'neighbors', () => this.found.get(key));
    this.send(node, { type: PacketType.FindNode, target, expiration: expiresIn() });
    try {
      return await answer;
    } finally {
      this.found.delete(key);
    }
  }

  /** Asks `node` for its current record (EIP-868). */
  async requestEnr(node: NodeRecord): Promise<Enr> {
    if (!(await this.bond(node))) throw new RequestError('REQUEST_TIMEOUT', 'node did not answer ping');
    const { hash } = this.send(node, { type: PacketType.EnrRequest, expiration: expiresIn() });
    return this.enrReplies.wait(`${bytesToHex(node.id)}:${bytesToHex(hash)}`, this.options.requestTimeoutMs, 'ENR response');
  }

  /**
   * Iterative Kademlia lookup: asks the closest known nodes, ALPHA at a time, for nodes closer
   * to `target`, until no closer unasked node remains. Returns the closest nodes found.
   */
  async lookup(target: Uint8Array): Promise<NodeRecord[]> {
    const asked = new Set<string>([bytesToHex(this.id)]);
    let candidates: NodeRecord[] = this.table.closest(target);
    const seen = new Set(candidates.map((c) => bytesToHex(c.id)));
    for (;;) {
      if (this.closed) return candidates;
      const batch = candidates.filter((c) => !asked.has(bytesToHex(c.id))).slice(0, ALPHA);
      if (batch.length === 0) return candidates;
      for (const node of batch) asked.add(bytesToHex(node.id));
      const results = await Promise.all(batch.map((node) => this.findNode(node, target).catch(() => [] as NodeRecord[])));
      for (const node of results.flat()) {
        const key = bytesToHex(node.id);
        if (seen.has(key) || equalBytes(node.id, this.id) || !this.accepts(node.id, node.address, node.udpPort)) continue;
        seen.add(key);
        candidates.push(node);
      }
      candidates = sortByDistance(target, candidates).slice(0, BUCKET_SIZE);
    }
  }

  /** Makes sure both sides have a fresh pong from the other; true when `node` is bonded. */
  private async bond(node: NodeRecord): Promise<boolean> {
    const key = bytesToHex(node.id);
    if (this.isFresh(this.lastPongFrom, key) && this.isFresh(this.lastPingFrom, key)) return true;
    if (!this.isFresh(this.lastPongFrom, key) && !(await this.ping(node))) return false;
    // The remote answers findnode only once it has pinged us back; give it a moment to.
    for (let i = 0; i < 10 && !this.isFresh(this.lastPingFrom, key) && !this.closed; i++) await new Promise((r) => setTimeout(r, 50));
    return true;
  }

  private isFresh(map: Map<string, number>, key: string): boolean {
    const at = map.get(key);
    return at !== undefined && Date.now() - at < BOND_EXPIRY_MS;
  }

  private accepts(id: Uint8Array, address: string, udpPort: number): boolean {
    return this.options.accept?.(id, address, udpPort) ?? true;
  }

  private send(to: Endpoint, message: Message): { hash: Uint8Array } {
    const { packet, hash } = encodePacket(message, this.options.privateKey);
    if (!this.closed) this.socket.send(packet, to.udpPort, to.address);
    return { hash };
  }

  private receive(data: Uint8Array, rinfo: RemoteInfo): void {
    if (this.closed) return;
    let packet: ReturnType<typeof decodePacket>;
    try {
      packet = decodePacket(data);
    } catch {
      // Malformed, badly signed or oversized: dropped. UDP has no one to tell.
      return;
    }
    const from: NodeRecord = { id: packet.nodeId, address: normalizeAddress(rinfo.address), udpPort: rinfo.port, tcpPort: 0 };
    if (!this.accepts(from.id, from.address, from.udpPort)) return;
    const m = packet.message;
    if ('expiration' in m && isExpired(m.expiration)) return;
    const key = bytesToHex(from.id);
    try {
      this.dispatch(key, from, packet.hash, m);
    } catch {
      // Whatever a packet triggers, a fault in handling it drops that packet and nothing else.
    }
  }

  private dispatch(key: string, from: NodeRecord, hash: Uint8Array, m: Message): void {
    switch (m.type) {
      case PacketType.Ping:
        this.handlePing(from, m.from.tcpPort, hash);
        break;
      case PacketType.Pong:
        if (this.pongs.resolve(`${key}:${bytesToHex(m.pingHash)}`, { enrSeq: m.enrSeq })) this.lastPongFrom.set(key, Date.now());
        break;
      case PacketType.FindNode:
        this.handleFindNode(from, m.target).catch(() => undefined);
        break;
      case PacketType.Neighbors:
        this.handleNeighbors(key, m.nodes);
        break;
      case PacketType.EnrRequest:
        if (this.isFresh(this.lastPongFrom, key)) this.send(from, { type: PacketType.EnrResponse, requestHash: hash, enr: rlpDecode(this.localEnr.encoded) });
        break;
      case PacketType.EnrResponse:
        this.handleEnrResponse(from, m.requestHash, m.enr);
        break;
    }
  }

  private handlePing(from: NodeRecord, tcpPort: number, hash: Uint8Array): void {
    const key = bytesToHex(from.id);
    this.lastPingFrom.set(key, Date.now());
    this.send(from, { type: PacketType.Pong, to: { ...from, tcpPort }, pingHash: hash, expiration: expiresIn(), enrSeq: this.localEnr.seq });
    const node = { ...from, tcpPort };
    // A node that pings us is added once it answers our ping: the endpoint proof.
    if (this.isFresh(this.lastPongFrom, key)) this.addToTable(node);
    else void this.ping(node).then((alive) => alive && this.addToTable(node));
  }

  private async handleFindNode(from: NodeRecord, target: Uint8Array): Promise<void> {
    const key = bytesToHex(from.id);
    // Only bonded nodes get answers, so a spoofed source address cannot be flooded with them.
    if (!this.isFresh(this.lastPongFrom, key) && !(await this.ping(from))) return;
    const closest = this.table.closest(target).filter((n) => !equalBytes(n.id, from.id));
    for (let i = 0; i < closest.length || i === 0; i += NODES_PER_PACKET) {
      const nodes = closest.slice(i, i + NODES_PER_PACKET).map((n) => ({ id: n.id, address: n.address, udpPort: n.udpPort, tcpPort: n.tcpPort }));
      this.send(from, { type: PacketType.Neighbors, nodes, expiration: expiresIn() });
    }
  }

  private handleNeighbors(key: string, nodes: readonly NodeRecord[]): void {
    const collected = this.found.get(key);
    if (!collected) return;
    // This service speaks UDP over IPv4: IPv6 nodes cannot be pinged from here, so they are skipped.
    collected.push(...nodes.filter((n) => isIP(n.address) === 4 && n.address !== '0.0.0.0' && n.udpPort !== 0));
    // Answers come in packets of up to 12 nodes: a shorter packet is the last one.
    if (collected.length >= BUCKET_SIZE || nodes.length < NODES_PER_PACKET) this.neighbors.resolve(key, collected);
  }

  private handleEnrResponse(from: NodeRecord, requestHash: Uint8Array, value: RlpValue): void {
    const pendingKey = `${bytesToHex(from.id)}:${bytesToHex(requestHash)}`;
    if (!this.enrReplies.has(pendingKey)) return;
    try {
      const enr = decodeEnr(value);
      if (equalBytes(enr.publicKey, from.id)) this.enrReplies.resolve(pendingKey, enr);
    } catch {
      // A record that does not verify is no answer; the request times out.
    }
  }

  private addToTable(node: NodeRecord): void {
    const { added, checkLiveness } = this.table.add(node);
    if (added) for (const l of this.listeners) l(this.table.get(node.id)!);
    if (checkLiveness) {
      void this.ping(checkLiveness).then((alive) => {
        if (alive) return;
        const promoted = this.table.remove(checkLiveness.id);
        if (promoted) for (const l of this.listeners) l(promoted);
      });
    }
  }

  /** Liveness check: re-pings the least recently seen node of a random bucket, dropping it if silent. */
  private async revalidate(): Promise<void> {
    const entry = this.table.revalidationCandidate();
    if (!entry) return;
    if (await this.ping(entry)) this.table.add(entry);
    else {
      const promoted = this.table.remove(entry.id);
      if (promoted) for (const l of this.listeners) l(promoted);
    }
  }

  private buildEnr(seq: bigint): Enr {
    const a = this.options.advertised;
    return createEnr(this.options.privateKey, { seq, ip: a.address, tcp: a.tcpPort, udp: a.udpPort, forkId: this.options.forkId?.() }, this.id);
  }
}

