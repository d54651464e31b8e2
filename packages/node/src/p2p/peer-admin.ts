import { formatEnode, normalizeAddress, type Peer, parseEnode } from '@cairn/devp2p';
import type { NodeIdentity, PeerAdmin, PeerInfo } from '@cairn/rpc';
import type { PeerHeads } from '../sync/peer-heads';
import type { P2pNetwork } from './p2p-network';

/** `ip:port`, with an IPv6 address in brackets. */
function hostPort(address: string, port: number): string {
  const ip = normalizeAddress(address);
  return `${ip.includes(':') ? `[${ip}]` : ip}:${port}`;
}

/** A peer as admin_peers reports it, with its best block as the sync last heard of it. */
export function peerInfo(peer: Peer, heads: PeerHeads): PeerInfo {
  const { connection } = peer.session;
  const head = heads.get(peer);
  return {
    version: peer.hello.protocolVersion,
    name: peer.hello.clientId,
    caps: peer.hello.capabilities.map((c) => `${c.name}/${c.version}`),
    localAddress: hostPort(connection.localAddress, connection.localPort),
    remoteAddress: hostPort(connection.remoteAddress, connection.remotePort),
    port: peer.hello.listenPort,
    id: peer.nodeId,
    eth: { difficulty: head?.totalDifficulty ?? peer.status.totalDifficulty, head: head?.hash ?? peer.status.headHash, version: peer.eth.version },
    enode: formatEnode(peer.enode),
  };
}

/** admin_peers, admin_addPeer and admin_removePeer over the network and its static peers. */
export class NetworkPeerAdmin implements PeerAdmin {
  private readonly network: P2pNetwork;
  private readonly heads: PeerHeads;

  constructor(network: P2pNetwork, heads: PeerHeads) {
    this.network = network;
    this.heads = heads;
  }

  peers(): PeerInfo[] {
    return this.network.peers().map((p) => peerInfo(p, this.heads));
  }

  addPeer(enode: string): boolean {
    const node = parseEnode(enode);
    const added = this.network.statics.add(node);
    this.network.connect(node);
    return added;
  }

  removePeer(enode: string): boolean {
    const node = parseEnode(enode);
    const removed = this.network.statics.remove(node);
    this.network.disconnect(node);
    return removed;
  }
}

/** admin_nodeInfo's view of this node: its enode endpoint and, with discovery, its node record. */
export function nodeIdentity(network: P2pNetwork, nodeId: Uint8Array): NodeIdentity {
  return {
    nodeId,
    get ip() {
      return network.local?.address ?? '';
    },
    get listenPort() {
      return network.local?.tcpPort ?? 0;
    },
    get discoveryPort() {
      return network.enr ? (network.local?.udpPort ?? 0) : 0;
    },
    get enr() {
      const record = network.enr;
      return record ? `enr:${Buffer.from(record.encoded).toString('base64url')}` : undefined;
    },
  };
}
