/**
 * Four Cairn nodes wired as the node package will wire them: discovery from one bootnode feeds a
 * dialer, which fills each peer manager; a block and transactions broadcast from one node reach
 * every other node's block sink and pool.
 */
import { bytesToHex, keccak256, randomPrivateKey, rlpEncode } from '@cairn/common';
import { afterEach, describe, expect, it } from 'vitest';
import { broadcastBlock, broadcastTransactions, Dialer, Discovery, type Enode, PeerManager, peerManagerOptions } from '../src/index';
import { MemoryChain, MemoryTxPool, RecordingBlockSink } from './helpers/memory-chain';

const stops: (() => unknown)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0).reverse()) await s();
});

const chain = new MemoryChain(12);

async function startNode(bootnodes: Enode[]) {
  const privateKey = randomPrivateKey();
  const txPool = new MemoryTxPool();
  const blocks = new RecordingBlockSink();
  const manager = new PeerManager(peerManagerOptions({ privateKey, chain, txPool, blocks, listenAddress: '127.0.0.1', listenPort: 0, maxPeers: 3 }));
  stops.push(() => manager.close());
  const tcpPort = await manager.listen();
  const discovery = new Discovery({
    privateKey,
    bindAddress: '127.0.0.1',
    bindPort: 0,
    advertised: { address: '127.0.0.1', udpPort: 0, tcpPort },
    bootnodes,
    requestTimeoutMs: 500,
    revalidateIntervalMs: 60_000,
    refreshIntervalMs: 60_000,
  });
  stops.push(() => discovery.stop());
  const udpPort = await discovery.start();
  const dialer = new Dialer(manager, () => discovery.table.all(), { concurrency: 3, retryAfterMs: 1000, intervalMs: 100, maxPeers: 3 });
  stops.push(() => dialer.stop());
  return { manager, discovery, dialer, txPool, blocks, enode: { id: manager.nodeId, address: '127.0.0.1', tcpPort, udpPort } };
}

describe('a small network', () => {
  it('discovers, dials and gossips blocks and transactions to every node', async () => {
    const boot = await startNode([]);
    const others = await Promise.all([0, 1, 2].map(() => startNode([boot.enode])));
    for (const n of others) await n.discovery.bootstrap();
    for (const n of [boot, ...others]) n.dialer.start();
    const all = [boot, ...others];
    // Four nodes with three slots each end up fully meshed.
    await until(() => all.every((n) => n.manager.peerCount === 3));

    const origin = others[0];
    broadcastBlock(
      origin.manager.peers().map((p) => p.eth),
      { encoded: chain.encodedBlock(12), hash: chain.blocks[12].hash, number: 12n, totalDifficulty: 13n },
    );
    const tx = new Uint8Array([0x02, ...rlpEncode([7n, 7n])]);
    origin.txPool.addLocal(tx);
    broadcastTransactions(origin.manager.peers().map((p) => p.eth), [tx]);

    // Each peer gets the block whole or its hash, and the transaction whole or by fetching it.
    const receivers = all.filter((n) => n !== origin);
    await until(() => receivers.every((n) => n.blocks.blocks.length + n.blocks.hashes.length === 1 && n.txPool.has(keccak256(tx))));
    const wholeBlocks = receivers.filter((n) => n.blocks.blocks.length === 1);
    expect(wholeBlocks.length).toBe(2); // ceil(sqrt(3)) peers get the block, the third its hash
    expect(wholeBlocks.every((n) => bytesToHex(n.blocks.blocks[0].hash) === bytesToHex(chain.blocks[12].hash))).toBe(true);
  }, 120_000);
});

// Generous: under a loaded machine discovery and dialing take several rounds of their timers.
async function until(condition: () => boolean, timeoutMs = 45_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
