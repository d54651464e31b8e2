import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesToHex, rlpItemLength } from '@cairn/common';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBlocksImport } from '../../src/commands/blocks-import';
import { createLogger } from '../../src/logging/logger';
import { cachedTestChain, signTestTransfer } from '../block-files';
import { waitFor } from './support/test-node';
import { enodeOf, type NodeProcess, startNodeProcess, storedHead } from './support/node-process';

/** The done-when of the sync issue: a fresh node syncs a chain of at least 2,000 generated blocks. */
const BLOCKS = 2000;
const dir = mkdtempSync(join(tmpdir(), 'cairn-p2p-processes-'));
const running: NodeProcess[] = [];
let chain: Awaited<ReturnType<typeof cachedTestChain>>;
/** Data paths holding the first 2,000 blocks, and all 2,001. */
let sourcePath: string;
let fullPath: string;

/** The first `count` blocks of a block file, written to `out`. */
function firstBlocks(blocksFile: string, count: number, out: string): string {
  const bytes = new Uint8Array(readFileSync(blocksFile));
  let end = 0;
  for (let i = 0; i < count; i++) end += rlpItemLength(bytes.subarray(end));
  writeFileSync(out, bytes.subarray(0, end));
  return out;
}

async function importInto(dataPath: string, from: string): Promise<void> {
  const { exitCode } = await runBlocksImport({ from, genesisFile: chain.genesisFile, dataPath }, { logger: createLogger('WARN'), progress: () => {} });
  expect(exitCode).toBe(0);
}

beforeAll(async () => {
  chain = await cachedTestChain(BLOCKS + 1, 2);
  sourcePath = join(dir, 'source');
  fullPath = join(dir, 'full');
  await importInto(sourcePath, firstBlocks(chain.blocksFile, BLOCKS, join(dir, 'first.rlp')));
  await importInto(fullPath, chain.blocksFile);
}, 300_000);

afterEach(async () => {
  for (const node of running.splice(0)) await node.kill();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A `cairn` node on loopback with system-chosen ports, no NAT, the test chain and JSON-RPC over HTTP. */
function start(name: string, dataPath: string, extra: string[] = []): NodeProcess {
  const node = startNodeProcess(name, [
    `--genesis-file=${chain.genesisFile}`,
    `--data-path=${dataPath}`,
    '--p2p-host=127.0.0.1',
    '--p2p-interface=127.0.0.1',
    '--p2p-port=0',
    '--nat-method=NONE',
    '--rpc-http-enabled',
    '--rpc-http-port=0',
    '--rpc-http-api=ETH,NET,ADMIN,TXPOOL',
    ...extra,
  ]);
  running.push(node);
  return node;
}

const idOf = (enode: string) => enode.slice('enode://'.length, 'enode://'.length + 128);

async function latest(node: NodeProcess) {
  const block = await node.rpc('eth_getBlockByNumber', ['latest', false]);
  return { number: BigInt(block.number), hash: block.hash as string, stateRoot: block.stateRoot as string };
}

describe('cairn processes on 127.0.0.1', () => {
  it(`find each other through discovery from one bootnode, sync ${BLOCKS} blocks, gossip transactions and follow a new block`, { timeout: 300_000 }, async () => {
    const source = start('source', sourcePath, ['--metrics-enabled', '--metrics-port=0']);
    const bootnode = await enodeOf(source);
    const info = await source.rpc('admin_nodeInfo');
    expect(info.enode).toBe(bootnode);
    expect(info.enr).toMatch(/^enr:[\w-]+$/);
    expect(info.ports).toEqual({ discovery: Number(bootnode.split(':').at(-1)), listener: Number(bootnode.split(':').at(-1)) });
    expect(info.protocols.eth.head).toBe((await latest(source)).hash);

    const b = start('b', join(dir, 'b'), [`--bootnodes=${bootnode}`]);
    const c = start('c', join(dir, 'c'), [`--bootnodes=${bootnode}`]);
    // eth_syncing on b, watched from its start: progress while it syncs, false once done.
    const reports: unknown[] = [];
    const watching = waitFor('b to report the end of its sync', async () => {
      const report = await b.rpc('eth_syncing').catch(() => undefined);
      if (report !== undefined) reports.push(report);
      return reports.some((r) => r !== false) && report === false;
    }, 120_000);
    for (const node of [b, c]) await node.waitFor(new RegExp(`to #${BLOCKS}\\b`), 180_000);
    await watching;
    expect(reports.find((r) => r !== false)).toMatchObject({ startingBlock: '0x0', highestBlock: `0x${BLOCKS.toString(16)}` });
    const sourceHead = await latest(source);
    for (const node of [b, c]) expect(await latest(node)).toEqual(sourceHead);

    // b and c were given only the source; they learn of each other through its discovery table.
    const [bEnode, cEnode] = await Promise.all([enodeOf(b), enodeOf(c)]);
    await waitFor('b and c to be peers', async () => (await b.rpc('admin_peers')).some((p: { id: string }) => p.id === `0x${idOf(cEnode)}`));
    for (const node of [source, b, c]) await waitFor(`${node.name} to have two peers`, async () => (await node.rpc('net_peerCount')) === '0x2');
    expect((await c.rpc('admin_peers')).map((p: { enode: string }) => idOf(p.enode)).sort()).toEqual([idOf(bootnode), idOf(bEnode)].sort());
    const metrics = (await source.waitFor(/metrics\s+(http:\/\/\S+)/))[1];
    expect(await (await fetch(metrics)).text()).toMatch(/^cairn_network_peers 2$/m);

    // A transaction sent to b reaches the pools of the source and c.
    const tx = signTestTransfer(BigInt(BLOCKS * 2), 777n);
    expect(await b.rpc('eth_sendRawTransaction', [bytesToHex(tx.encode())])).toBe(bytesToHex(tx.hash()));
    for (const node of [source, c]) {
      await waitFor(`the transaction to reach ${node.name}`, async () => (await node.rpc('eth_getTransactionByHash', [bytesToHex(tx.hash())])) !== null);
    }

    // Block #2001 comes to the source from a node that only it knows of; the source imports it
    // and announces it, and b and c follow.
    const full = start('full', fullPath, ['--discovery-enabled=false']);
    expect(await full.rpc('admin_addPeer', [bootnode])).toBe(true);
    for (const node of [source, b, c]) await waitFor(`${node.name} to reach #${BLOCKS + 1}`, async () => (await node.rpc('eth_blockNumber')) === `0x${(BLOCKS + 1).toString(16)}`, 60_000);
    // Whole in a NewBlock, or as a hash the sync then fetches: either way from the source.
    for (const node of [b, c]) await node.waitFor(new RegExp(`imported announced block #${BLOCKS + 1}|imported 1 blocks from 127\\.0\\.0\\.1 to #${BLOCKS + 1}`), 10_000);
    const head = await latest(full);
    for (const node of [source, b, c]) expect(await latest(node)).toEqual(head);
    expect(head).toMatchObject({ number: BigInt(BLOCKS + 1), hash: chain.head.hash, stateRoot: chain.head.stateRoot });

    await Promise.all([source, b, c, full].map((node) => node.stop()));
    for (const path of [join(dir, 'b'), join(dir, 'c')]) expect(await storedHead(chain.genesisFile, path)).toMatchObject({ number: BigInt(BLOCKS + 1), hash: head.hash });
  });

  it('resumes a sync killed part-way with SIGKILL', { timeout: 300_000 }, async () => {
    const source = start('source', fullPath);
    const bootnode = await enodeOf(source);
    const path = join(dir, 'killed');
    // Killed a moment after its sync starts; if it had not imported anything yet, it is started
    // and killed again a little later, until the kill lands part-way.
    let partial = await storedHead(chain.genesisFile, path);
    for (let delay = 800; partial.number === 0n && delay < 20_000; delay *= 2) {
      const attempt = start('first', path, [`--bootnodes=${bootnode}`]);
      await attempt.waitFor(/syncing from/);
      await new Promise((resolve) => setTimeout(resolve, delay));
      await attempt.kill();
      partial = await storedHead(chain.genesisFile, path);
    }
    expect(partial.number).toBeGreaterThan(0n);
    expect(partial.number).toBeLessThan(BigInt(BLOCKS + 1));

    const second = start('second', path, [`--bootnodes=${bootnode}`]);
    await second.waitFor(new RegExp(`head\\s+#${partial.number} ${partial.hash}`));
    await second.waitFor(new RegExp(`to #${BLOCKS + 1}\\b`), 180_000);
    expect(await latest(second)).toEqual(await latest(source));
    await Promise.all([source.stop(), second.stop()]);
  });
});
