import type { EthDependencies, EthPeerOptions } from '../eth/eth-peer';
import { EthPeer } from '../eth/eth-peer';
import type { Status } from '../eth/status';
import { ProtocolError } from '../errors';
import { DisconnectReason } from '../p2p/disconnect-reason';
import type { Hello } from '../p2p/hello';
import type { P2pSession, SessionOptions } from '../p2p/session';
import type { NodeAllowlist } from './allowlist';
import { type Enode, normalizeAddress } from './enode';

/** A connected peer that passed Hello and the eth Status exchange. */
export interface Peer {
  readonly nodeId: Uint8Array;
  readonly address: string;
  readonly direction: 'inbound' | 'outbound';
  readonly hello: Hello;
  readonly status: Status;
  readonly session: P2pSession;
  readonly eth: EthPeer;
  /** The enode this peer can be dialled at (its address and the listen port from Hello). */
  readonly enode: Enode;
}

export interface PeerSetup {
  readonly session: SessionOptions;
  readonly eth: EthPeerOptions;
  readonly ethDependencies: EthDependencies;
  readonly allowlist?: NodeAllowlist;
}

/**
 * Runs Hello and the eth Status exchange on a fresh RLPx connection. Any failure has already
 * disconnected the peer (with its reason) when the promise rejects.
 */
export async function establishPeer(session: P2pSession, direction: Peer['direction'], setup: PeerSetup): Promise<Peer> {
  const connection = session.connection;
  const hello = await session.start();
  const address = normalizeAddress(connection.remoteAddress);
  if (setup.allowlist && !setup.allowlist.permits(hello.nodeId, address, hello.listenPort)) {
    session.disconnect(DisconnectReason.UselessPeer);
    throw new ProtocolError('listen port is not in the node allowlist');
  }
  if (!session.shared.some((c) => c.name === 'eth')) {
    session.disconnect(DisconnectReason.UselessPeer);
    throw new ProtocolError('peer does not speak eth');
  }
  const eth = new EthPeer(session, setup.ethDependencies, setup.eth);
  const status = await eth.handshake();
  const listenPort = hello.listenPort || connection.remotePort;
  return {
    nodeId: connection.remoteId,
    address,
    direction,
    hello,
    status,
    session,
    eth,
    enode: { id: connection.remoteId, address, tcpPort: listenPort, udpPort: listenPort },
  };
}
