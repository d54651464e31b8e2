import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBlocksImport } from '../../src/commands/blocks-import';
import { createLogger } from '../../src/logging/logger';
import { cachedTestChain } from '../block-files';
import { enodeOf, type NodeProcess, startNodeProcess, storedHead } from './support/node-process';

/** The done-when of the sync issue: a fresh node syncs a chain of at least 2,000 generated blocks. */
const BLOCKS = 2000;
const dir = mkdtempSync(join(tmpdir(), 'cairn-p2p-processes-'));
const running: NodeProcess[] = [];
let chain: Awaited<ReturnType<typeof cachedTestChain>>;
let sourcePath: string;

beforeAll(async () => {
  chain = await cachedTestChain(BLOCKS, 2);
  sourcePath = join(dir, 'source');
  const { exitCode } = await runBlocksImport({ from: chain.blocksFile, genesisFile: chain.genesisFile, dataPath: sourcePath }, { logger: createLogger('WARN'), progress: () => {} });
  expect(exitCode).toBe(0);
}, 300_000);

afterEach(async () => {
  for (const node of running.splice(0)) if (node.child.exitCode === null) await node.kill();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A node process on loopback with system-chosen ports, no NAT, and the test chain. */
function start(name: string, dataPath: string, extra: string[] = []): NodeProcess {
  const node = startNodeProcess(name, [
    `--genesis-file=${chain.genesisFile}`,
    `--data-path=${dataPath}`,
    '--p2p-host=127.0.0.1',
    '--p2p-interface=127.0.0.1',
    '--p2p-port=0',
    '--nat-method=NONE',
    ...extra,
  ]);
  running.push(node);
  return node;
}

const idOf = (enode: string) => enode.slice('enode://'.length, 'enode://'.length + 128);

describe('node processes on 127.0.0.1', () => {
  it(`find each other through discovery from one bootnode, sync ${BLOCKS} blocks and follow new ones`, { timeout: 300_000 }, async () => {
    const source = start('source', sourcePath);
    const bootnode = await enodeOf(source);
    const b = start('b', join(dir, 'b'), [`--bootnodes=${bootnode}`]);
    const c = start('c', join(dir, 'c'), [`--bootnodes=${bootnode}`]);
    const [bEnode, cEnode] = await Promise.all([enodeOf(b), enodeOf(c)]);
    // b and c were given only the source; they learn of each other through its discovery table.
    await b.waitFor(new RegExp(`peer connected: enode://${idOf(cEnode)}`));
    await c.waitFor(new RegExp(`peer connected: enode://${idOf(bEnode)}`));
    for (const node of [b, c]) await node.waitFor(new RegExp(`to #${BLOCKS}\\b`), 180_000);

    const mark = [b.output().length, c.output().length];
    source.send('build');
    const built = await source.waitFor(new RegExp(`built #${BLOCKS + 1} (0x[0-9a-f]{64})`));
    await b.waitFor(new RegExp(`#${BLOCKS + 1}\\b`), 30_000, mark[0]);
    await c.waitFor(new RegExp(`#${BLOCKS + 1}\\b`), 30_000, mark[1]);

    await Promise.all([source, b, c].map((node) => node.stop()));
    const heads = await Promise.all([sourcePath, join(dir, 'b'), join(dir, 'c')].map((path) => storedHead(chain.genesisFile, path)));
    expect(heads[0]).toMatchObject({ number: BigInt(BLOCKS + 1), hash: built[1] });
    expect(heads[1]).toEqual(heads[0]);
    expect(heads[2]).toEqual(heads[0]);
  });

  it('resumes a sync killed part-way with SIGKILL', { timeout: 300_000 }, async () => {
    const source = start('source', sourcePath);
    const bootnode = await enodeOf(source);
    // The source holds the test chain and whatever an earlier test built on it.
    const target = (await source.waitFor(/head #(\d+) /))[1];
    expect(BigInt(target)).toBeGreaterThanOrEqual(BigInt(BLOCKS));
    const path = join(dir, 'killed');
    // Killed a moment after its sync starts; if it had not imported anything yet, it is started
    // and killed again a little later, until the kill lands part-way.
    let partial = await storedHead(chain.genesisFile, path);
    for (let delay = 800; partial.number === 0n && delay < 10_000; delay *= 2) {
      const attempt = start('first', path, [`--bootnodes=${bootnode}`]);
      await attempt.waitFor(/syncing from/);
      await new Promise((resolve) => setTimeout(resolve, delay));
      await attempt.kill();
      partial = await storedHead(chain.genesisFile, path);
    }
    expect(partial.number).toBeGreaterThan(0n);
    expect(partial.number).toBeLessThan(BigInt(target));

    const second = start('second', path, [`--bootnodes=${bootnode}`]);
    await second.waitFor(new RegExp(`head #${partial.number} ${partial.hash}`));
    await second.waitFor(new RegExp(`to #${target}\\b`), 180_000);
    await Promise.all([source.stop(), second.stop()]);
    expect(await storedHead(chain.genesisFile, path)).toEqual(await storedHead(chain.genesisFile, sourcePath));
  });
});
