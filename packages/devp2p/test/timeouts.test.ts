/**
 * The timeouts that keep a silent or stalling peer from holding a slot: the RLPx handshake, Hello,
 * the eth Status, and ping/pong liveness once connected.
 */
import { connect, type Socket } from 'node:net';
import { concatBytes, privateKeyToPublicKey, randomPrivateKey, rlpEncode } from '@cairn/common';
import { afterEach, describe, expect, it } from 'vitest';
import { DisconnectReason, encodeHello, ETH_CAPABILITIES, P2P_VERSION, PeerManager, peerManagerOptions, RlpxConnection } from '../src/index';
import { MemoryChain } from './helpers/memory-chain';

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

async function server() {
  const manager = new PeerManager(
    peerManagerOptions({
      privateKey: randomPrivateKey(),
      chain: new MemoryChain(1),
      listenAddress: '127.0.0.1',
      listenPort: 0,
      overrides: { handshakeTimeoutMs: 300, session: { helloTimeoutMs: 300, pingIntervalMs: 200, pingTimeoutMs: 300 }, eth: { statusTimeoutMs: 300 } },
    }),
  );
  closers.push(() => manager.close());
  return { manager, port: await manager.listen() };
}

async function dial(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  closers.push(() => socket.destroy());
  await new Promise((resolve) => socket.once('connect', resolve));
  return socket;
}

const closed = (socket: Socket) => new Promise<number>((resolve) => {
  const start = Date.now();
  socket.once('close', () => resolve(Date.now() - start));
});

/** Reads frames until a Disconnect (id 0x01) arrives and returns its reason. */
function disconnectReason(connection: RlpxConnection): Promise<number> {
  return new Promise((resolve) =>
    connection.start({
      onFrame: (frame) => {
        // Frames after Hello are Snappy-compressed; Disconnect [reason] compresses to 4 bytes: len, tag, 0xc1, reason.
        if (frame[0] === 0x01) resolve(frame[frame.length - 1]);
      },
      onFrameError: () => {},
      onClose: () => {},
    }),
  );
}

function sendHello(connection: RlpxConnection, key: Uint8Array): void {
  const hello = encodeHello({ protocolVersion: P2P_VERSION, clientId: 'staller', capabilities: ETH_CAPABILITIES, listenPort: 0, nodeId: privateKeyToPublicKey(key) });
  connection.sendFrame(concatBytes(rlpEncode(0n), rlpEncode(hello)));
}

describe('timeouts', () => {
  it('closes a connection that never completes the RLPx handshake', async () => {
    const { port } = await server();
    const socket = await dial(port);
    const after = await closed(socket);
    expect(after).toBeGreaterThanOrEqual(250);
    expect(after).toBeLessThan(3000);
  });

  it('disconnects a peer that sends no Hello, no Status, or no pong', async () => {
    const { manager, port } = await server();
    // No Hello: the handshake completes, then silence.
    const silentKey = randomPrivateKey();
    const silent = await RlpxConnection.initiate(await dial(port), silentKey, manager.nodeId, 1000);
    expect(await disconnectReason(silent)).toBe(DisconnectReason.PingTimeout);

    // Hello but no Status.
    const noStatusKey = randomPrivateKey();
    const noStatus = await RlpxConnection.initiate(await dial(port), noStatusKey, manager.nodeId, 1000);
    sendHello(noStatus, noStatusKey);
    expect(await disconnectReason(noStatus)).toBe(DisconnectReason.UselessPeer);
  });

  it('disconnects a connected peer that stops answering pings', async () => {
    const { manager, port } = await server();
    const client = new PeerManager(peerManagerOptions({ privateKey: randomPrivateKey(), chain: new MemoryChain(0), listenAddress: '127.0.0.1', listenPort: 0 }));
    closers.push(() => client.close());
    const removed = new Promise<DisconnectReason>((resolve) => manager.onPeerRemoved((e) => resolve(e.reason)));
    const peer = await client.connect({ id: manager.nodeId, address: '127.0.0.1', tcpPort: port, udpPort: port });
    // Stop reading on the client: its pongs no longer come, though the socket stays open.
    (peer.session.connection as unknown as { socket: Socket }).socket.pause();
    expect(await removed).toBe(DisconnectReason.PingTimeout);
  });
});
