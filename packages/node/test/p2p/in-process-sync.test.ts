import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Block, Blockchain, createHeader, importBlockFile, ProofOfStakeEngine } from '@cairn/chain';
import { bytesToHex, equalBytes, parseGenesis, randomPrivateKey, rlpEncode } from '@cairn/common';
import { formatEnode } from '@cairn/devp2p';
import { Evm, precompilesFor } from '@cairn/evm';
import type { SyncStatus } from '@cairn/rpc';
import { MemoryStore } from '@cairn/storage';
import { BlockchainView } from '../../src/p2p/chain-view';
import { P2pNetwork } from '../../src/p2p/p2p-network';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signTestTransfer, writeTestChain } from '../block-files';
import { headOf, loopbackConfig, startTestNode, type TestNode, testLogger, waitFor } from './support/test-node';

const BLOCKS = 200;
const dir = mkdtempSync(join(tmpdir(), 'cairn-p2p-sync-'));
const nodes: TestNode[] = [];
let chainFiles: Awaited<ReturnType<typeof writeTestChain>>;
let genesisJson: unknown;

beforeAll(async () => {
  chainFiles = await writeTestChain(dir, BLOCKS, 2);
  genesisJson = JSON.parse(readFileSync(chainFiles.genesisFile, 'utf8'));
}, 120_000);

afterEach(async () => {
  for (const node of nodes.splice(0)) await node.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function node(options: Omit<Parameters<typeof startTestNode>[0], 'genesisJson'>): Promise<TestNode> {
  const started = await startTestNode({ ...options, genesisJson });
  nodes.push(started);
  return started;
}

describe('full sync between in-process nodes', () => {
  it('a fresh node finds the source through discovery, syncs its chain and follows new blocks', { timeout: 120_000 }, async () => {
    const source = await node({ name: 'source', blocksFile: chainFiles.blocksFile });
    expect(headOf(source).hash).toBe(chainFiles.head.hash);
    const fresh = await node({ name: 'fresh', bootnodes: [source.enode()] });
    const statuses: (SyncStatus | null)[] = [];
    fresh.service.syncState.subscribe((status) => statuses.push(status));

    await waitFor('the fresh node to reach the source head', () => fresh.chain.head.header.number === BigInt(BLOCKS), 60_000);
    expect(headOf(fresh)).toEqual(headOf(source));
    await waitFor('the sync to report it is done', () => fresh.service.syncState.status() === null);
    expect(statuses.find((s) => s !== null)).toMatchObject({ startingBlock: 0n, highestBlock: BigInt(BLOCKS) });
    expect(statuses.at(-1)).toBeNull();

    const rpc = fresh.service.rpcBackends();
    expect(rpc.p2p.peerCount()).toBe(1);
    const [peer] = rpc.peers.peers();
    expect(peer.enode).toBe(source.enode());
    expect(peer.caps).toContain('eth/68');
    expect(peer.eth.version).toBe(68);

    // A block made on the source after the sync is announced and reaches the fresh node.
    const next = await source.chain.buildBlock(source.chain.head.hash(), { transactions: [], coinbase: new Uint8Array(20), timestamp: BigInt((BLOCKS + 1) * 12) });
    await source.chain.importBlock(next);
    source.service.announceBlock(next);
    await waitFor('the fresh node to follow the new block', () => fresh.chain.head.header.number === BigInt(BLOCKS + 1));
    expect(headOf(fresh)).toEqual(headOf(source));
  });
});

describe('three nodes', () => {
  it('find each other from one bootnode, sync, and gossip transactions between their pools', { timeout: 120_000 }, async () => {
    const boot = await node({ name: 'boot', blocksFile: chainFiles.blocksFile });
    const b = await node({ name: 'b', bootnodes: [boot.enode()] });
    const c = await node({ name: 'c', bootnodes: [boot.enode()] });
    const all = [boot, b, c];
    await waitFor('every node to have two peers', () => all.every((n) => n.service.rpcBackends().p2p.peerCount() === 2), 30_000);
    await waitFor('b and c to sync', () => [b, c].every((n) => n.chain.head.header.number === BigInt(BLOCKS)), 60_000);
    for (const n of [b, c]) expect(headOf(n)).toEqual(headOf(boot));

    const tx = signTestTransfer(BigInt(BLOCKS * 2), 12345n);
    await c.pool.add(tx, { local: true });
    await waitFor('the transaction to reach every pool', () => all.every((n) => n.pool.get(tx.hash()) !== undefined));
    expect(boot.pool.get(tx.hash())?.isLocal).toBe(false);
  });
});

describe('a sync interrupted by a stop', () => {
  it('resumes from the stored head when the node starts again', { timeout: 120_000 }, async () => {
    const source = await node({ name: 'source', blocksFile: chainFiles.blocksFile });
    const dataDir = mkdtempSync(join(dir, 'resume-'));
    const privateKey = randomPrivateKey();
    // Small requests, so that the sync is still under way when it is stopped.
    const syncOptions = { headersPerRequest: 16, bodiesPerRequest: 4 };
    const first = await startTestNode({ name: 'first', genesisJson, dataDir, privateKey, bootnodes: [source.enode()], syncOptions });
    await waitFor('the sync to be part-way', () => first.chain.head.header.number >= 20n);
    await first.close();
    const stoppedAt = first.chain.head.header.number;
    expect(stoppedAt).toBeLessThan(BigInt(BLOCKS));
    const second = await node({ name: 'second', dataDir, privateKey, bootnodes: [source.enode()] });
    expect(second.chain.head.header.number).toBe(stoppedAt);
    await waitFor('the restarted node to finish the sync', () => second.chain.head.header.number === BigInt(BLOCKS), 60_000);
    expect(headOf(second)).toEqual(headOf(source));
  });
});

describe('a peer that leaves during the sync', () => {
  it('is replaced by the others, and the sync completes', { timeout: 120_000 }, async () => {
    const a = await node({ name: 'a', blocksFile: chainFiles.blocksFile });
    const b = await node({ name: 'b', blocksFile: chainFiles.blocksFile });
    // Small requests, so that the sync is still under way when a leaves.
    const fresh = await node({ name: 'fresh', bootnodes: [a.enode(), b.enode()], syncOptions: { headersPerRequest: 16, bodiesPerRequest: 4 } });
    await waitFor('fresh to have both peers', () => fresh.service.network.peers().length === 2);
    await waitFor('the sync to be part-way', () => fresh.chain.head.header.number >= 20n);
    await a.close();
    nodes.splice(nodes.indexOf(a), 1);
    expect(fresh.chain.head.header.number).toBeLessThan(BigInt(BLOCKS));
    await waitFor('the sync to complete from b', () => fresh.chain.head.header.number === BigInt(BLOCKS), 60_000);
    expect(headOf(fresh)).toEqual(headOf(b));
  });
});

/** The chain view of a node that serves every body empty: a body that does not match its header. */
class EmptyBodies extends BlockchainView {
  override async getBody(hash: Uint8Array): Promise<Uint8Array | undefined> {
    return (await super.getBody(hash)) && rlpEncode([[], [], []]);
  }
}

describe('misbehaving peers', () => {
  it('are disconnected with their offence recorded, and the sync completes from an honest one', { timeout: 120_000 }, async () => {
    const store = new MemoryStore();
    const chain = await Blockchain.open({ store, genesis: parseGenesis(genesisJson), engine: new ProofOfStakeEngine(), evm: new Evm({ precompiles: precompilesFor }) });
    await importBlockFile(chain, chainFiles.blocksFile);
    const liarKey = randomPrivateKey();
    const liar = new P2pNetwork(loopbackConfig([], liarKey), {
      chain: new EmptyBodies(chain),
      blocks: { onNewBlock: async () => ({ valid: true }), onNewBlockHashes: () => {} },
      log: testLogger('liar'),
    });
    await liar.start();
    try {
      const liarEnode = formatEnode({ id: liar.peerManager!.nodeId, address: '127.0.0.1', tcpPort: liar.local!.tcpPort, udpPort: liar.local!.udpPort });
      const fresh = await node({ name: 'fresh', bootnodes: [liarEnode] });
      const offences = () => fresh.service.network.peerManager!.offences.all();
      await waitFor('the liar to be caught', () => offences().some((o) => o.code === 'BAD_BODY'));
      expect(offences().find((o) => o.code === 'BAD_BODY')?.nodeId).toEqual(liar.peerManager!.nodeId);
      await waitFor('the liar to be gone', () => fresh.service.network.peers().length === 0);

      const honest = await node({ name: 'honest', blocksFile: chainFiles.blocksFile });
      expect(fresh.service.rpcBackends().peers.addPeer(honest.enode())).toBe(true);
      await waitFor('the sync from the honest node', () => fresh.chain.head.header.number === BigInt(BLOCKS), 60_000);
      expect(headOf(fresh)).toEqual(headOf(honest));

      // A pushed block whose header claims a state root its execution does not give.
      const built = await honest.chain.buildBlock(honest.chain.head.hash(), { transactions: [], coinbase: new Uint8Array(20), timestamp: BigInt((BLOCKS + 1) * 12) });
      const forged = new Block(createHeader({ ...built.header, stateRoot: new Uint8Array(32).fill(7) }), built);
      const toFresh = honest.service.network.peers().find((p) => equalBytes(p.nodeId, fresh.service.rpcBackends().identity.nodeId));
      toFresh!.eth.sendNewBlock(forged.encode(), forged.hash(), 0n);
      await waitFor('the forged block to be refused', () => offences().some((o) => o.code === 'INVALID_BLOCK'));
      const offence = offences().find((o) => o.code === 'INVALID_BLOCK')!;
      expect(offence.message).toContain('INVALID_STATE_ROOT');
      expect(bytesToHex(offence.nodeId)).toBe(bytesToHex(honest.service.rpcBackends().identity.nodeId));
      expect(headOf(fresh)).toEqual(headOf(honest));
    } finally {
      await liar.stop();
      await chain.close();
    }
  });
});
