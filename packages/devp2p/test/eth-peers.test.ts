import { randomPrivateKey, rlpEncode } from '@cairn/common';
import { afterEach, describe, expect, it } from 'vitest';
import { PeerManager, type Peer, peerManagerOptions } from '../src/index';
import { MemoryChain, MemoryTxPool, RecordingBlockSink } from './helpers/memory-chain';

const managers: PeerManager[] = [];
afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.close()));
});

async function start(chain: MemoryChain, extra: { txPool?: MemoryTxPool; blocks?: RecordingBlockSink; maxPeers?: number } = {}) {
  const privateKey = randomPrivateKey();
  const manager = new PeerManager(peerManagerOptions({ privateKey, chain, listenAddress: '127.0.0.1', listenPort: 0, ...extra }));
  managers.push(manager);
  const port = await manager.listen();
  return { manager, port, enode: { id: manager.nodeId, address: '127.0.0.1', tcpPort: port, udpPort: port } };
}

function nextPeer(manager: PeerManager): Promise<Peer> {
  return new Promise((resolve) => manager.onPeerAdded(resolve));
}

describe('eth between two Cairn nodes', () => {
  it('exchanges Status, headers, bodies and receipts, and gossips blocks and transactions', async () => {
    const serverChain = new MemoryChain(40);
    const serverPool = new MemoryTxPool();
    const server = await start(serverChain, { txPool: serverPool });
    const clientPool = new MemoryTxPool();
    const clientBlocks = new RecordingBlockSink();
    const client = await start(new MemoryChain(0), { txPool: clientPool, blocks: clientBlocks });

    const inbound = nextPeer(server.manager);
    const peer = await client.manager.connect(server.enode);
    expect(peer.status.headHash).toEqual(serverChain.head().hash);
    expect(peer.eth.version).toBe(68);

    const headers = await peer.eth.getBlockHeaders({ origin: 1n, limit: 10n, skip: 0n, reverse: false });
    expect(headers).toEqual(serverChain.blocks.slice(1, 11).map((b) => b.header));
    const skipping = await peer.eth.getBlockHeaders({ origin: serverChain.blocks[30].hash, limit: 4n, skip: 9n, reverse: true });
    expect(skipping).toEqual([30, 20, 10, 0].map((n) => serverChain.blocks[n].header));
    const bodies = await peer.eth.getBlockBodies(serverChain.blocks.slice(5, 8).map((b) => b.hash));
    expect(bodies).toEqual(serverChain.blocks.slice(5, 8).map((b) => b.body));
    const receipts = await peer.eth.getReceipts([serverChain.blocks[3].hash]);
    expect(receipts).toEqual([serverChain.blocks[3].receipts]);

    // The server pushes a block and announces a transaction; the client fetches the transaction.
    const serverSide = await inbound;
    serverSide.eth.sendNewBlock(serverChain.encodedBlock(40), serverChain.blocks[40].hash, 41n);
    const typedTx = new Uint8Array([0x02, ...rlpEncode([1n, 2n, 3n])]);
    serverPool.addLocal(typedTx);
    serverSide.eth.transactions.announce([typedTx]);
    await until(() => clientBlocks.blocks.length === 1 && clientPool.received.length === 1);
    expect(clientBlocks.blocks[0].hash).toEqual(serverChain.blocks[40].hash);
    expect(clientBlocks.blocks[0].number).toBe(40n);
    expect(clientPool.received[0].txs).toEqual([typedTx]);

    // A whole transaction sent the other way lands in the server's pool.
    const legacyTx = rlpEncode([9n, 8n, 7n]);
    peer.eth.transactions.send([legacyTx]);
    await until(() => serverPool.received.length === 1);
    expect(serverPool.received[0].txs).toEqual([legacyTx]);
  });

  it('keeps one connection when two nodes dial each other at once', async () => {
    const chain = new MemoryChain(2);
    const a = await start(chain);
    const b = await start(chain);
    await Promise.allSettled([a.manager.connect(b.enode), b.manager.connect(a.enode)]);
    await until(() => a.manager.peerCount === 1 && b.manager.peerCount === 1);
    await new Promise((r) => setTimeout(r, 200));
    const [pa] = a.manager.peers();
    const [pb] = b.manager.peers();
    expect([a.manager.peerCount, b.manager.peerCount]).toEqual([1, 1]);
    // Both sides kept the same TCP connection: one side's outbound is the other's inbound.
    expect(pa.direction).not.toBe(pb.direction);
    expect(pa.session.isOpen && pb.session.isOpen).toBe(true);
  });

  it('refuses connections past --max-peers', async () => {
    const chain = new MemoryChain(2);
    const server = await start(chain, { maxPeers: 1 });
    const first = await start(chain);
    const second = await start(chain);
    await first.manager.connect(server.enode);
    await expect(second.manager.connect(server.enode)).rejects.toThrow();
    expect(server.manager.peerCount).toBe(1);
  });
});

/** Waits (bounded) for a condition that asynchronous message handling makes true. */
export async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
