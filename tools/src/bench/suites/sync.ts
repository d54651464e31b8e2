import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesToHex, randomPrivateKey } from '@cairn/common';
import { parseEnode } from '@cairn/devp2p';
import { createLogger, openChain, P2pService, runBlocksImport } from '@cairn/node';
import { repoRoot } from '../../repo-root';
import { type ChainShape, DEFAULT_SHAPE } from '../../gen/chain-generator';
import { type GeneratedChainFiles, generatedChainFiles } from '../../gen/generated-chain';
import { makeResult } from '../result';
import type { BenchSuite } from '../suite';

const CAIRN_BIN = join(repoRoot(), 'packages', 'node', 'src', 'bin', 'cairn.ts');

/** A sync not done by then has stalled. */
const SYNC_TIMEOUT_MS = 15 * 60_000;

/** A long chain of light blocks (two token and two ether transfers each), for blocks per second. */
const LONG_SHAPE: ChainShape = { blocks: 2000, senders: 16, tokenTransfers: 2, etherTransfers: 2, creations: 0 };

/**
 * Full sync between two local nodes over RLPx on 127.0.0.1: a `cairn` process holds a generated
 * chain (tools/src/gen, cached in .cache/bench; imported first by `cairn blocks import`'s code),
 * and a fresh node on LevelDB in this process syncs it through the eth protocol (headers, bodies, validation, execution, storage), timed from its
 * start to reaching the source's head and state root. Two chains: the import bench's 200 blocks of
 * ERC-20 transfers, ether transfers and deployments (Mgas/s to set beside `import`), and 2,000
 * light blocks (blocks/s). No peer client runs here: the figures stand alone.
 */
export const syncBench: BenchSuite = {
  name: 'sync',
  description: 'Full sync of a generated chain between two local nodes over devp2p (200 heavy and 2,000 light blocks); no peer',
  async run(context) {
    for (const [shape, label] of [
      [DEFAULT_SHAPE, `${DEFAULT_SHAPE.blocks} blocks of ERC-20 and ether transfers and deployments`],
      [LONG_SHAPE, `${LONG_SHAPE.blocks} light blocks`],
    ] as const) {
      const files = await generatedChainFiles(join(repoRoot(), '.cache', 'bench'), shape, context.workloadsDir);
      const run = await syncOnce(files, context.log);
      context.log(`sync: ${label}: ${run.blocks} blocks, ${(Number(run.gas) / 1e6).toFixed(0)} Mgas in ${run.seconds.toFixed(2)} s (the source imported the block file in ${run.sourceImportSeconds.toFixed(2)} s)`);
      const note = 'source: a cairn process; fresh node on LevelDB; from its start to the source head';
      context.emit(makeResult('sync', `${label}: blocks per second`, 'blocks/s', run.blocks / run.seconds, null, note));
      context.emit(makeResult('sync', `${label}: gas per second`, 'Mgas/s', Number(run.gas) / 1e6 / run.seconds, null, note));
    }
  },
};

/** Imports the chain into the source's data path (`cairn blocks import`'s body), starts `cairn` on it, syncs a fresh node from it, checks the result and cleans up. */
async function syncOnce(files: GeneratedChainFiles, log: (line: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-sync-bench-'));
  const sourcePath = join(dir, 'source');
  log(`sync: the source imports ${files.blocks} blocks from ${files.blocksFile}`);
  const quiet = createLogger('WARN', (line) => log(`[source import] ${line}`));
  const imported = await runBlocksImport({ from: files.blocksFile, genesisFile: files.genesisFile, dataPath: sourcePath }, { logger: quiet, progress: () => {} });
  if (imported.exitCode !== 0) throw new Error(`the source could not import ${files.blocksFile}`);
  const source = spawn(
    process.execPath,
    ['--conditions=@cairn/source', '--import', 'tsx', CAIRN_BIN, `--genesis-file=${files.genesisFile}`, `--data-path=${sourcePath}`, '--p2p-host=127.0.0.1', '--p2p-interface=127.0.0.1', '--p2p-port=0', '--nat-method=NONE', '--discovery-enabled=false', '--logging=WARN'],
    { cwd: repoRoot(), stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } },
  );
  try {
    const { enode, head } = await sourceReady(source);
    const { chain, close } = await openChain({ genesisFile: files.genesisFile, dataPath: join(dir, 'fresh') });
    const service = new P2pService(
      { privateKey: randomPrivateKey(), host: '127.0.0.1', listenInterface: '127.0.0.1', port: 0, discovery: false, bootnodes: [], maxPeers: 4, natMethod: 'NONE', clientId: 'cairn/bench' },
      { chain, log: createLogger('WARN', (line) => process.stderr.write(`[fresh] ${line}\n`)) },
    );
    try {
      const started = performance.now();
      await service.start();
      service.rpcBackends().peers.addPeer(enode);
      const deadline = Date.now() + SYNC_TIMEOUT_MS;
      while (chain.head.header.number < BigInt(files.blocks)) {
        if (Date.now() > deadline) throw new Error(`the sync stalled at #${chain.head.header.number} of ${files.blocks}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const seconds = (performance.now() - started) / 1000;
      if (bytesToHex(chain.head.hash()) !== head) throw new Error(`the synced head ${bytesToHex(chain.head.hash())} is not the source's ${head}`);
      return { seconds, blocks: files.blocks, gas: imported.summary.gasUsed, sourceImportSeconds: imported.summary.elapsedMs / 1000 };
    } finally {
      await service.stop();
      await close();
    }
  } finally {
    source.kill('SIGTERM');
    await new Promise((resolve) => source.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits for the source's banner: its enode and its head. */
function sourceReady(child: ChildProcess): Promise<{ enode: string; head: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const enode = /^\s+p2p\s+(enode:\S+)$/m.exec(output)?.[1];
      const head = /^\s+head\s+#\d+ (0x[0-9a-f]{64})$/m.exec(output)?.[1];
      if (enode && head) {
        parseEnode(enode);
        resolve({ enode, head });
      }
    });
    child.once('exit', (code) => reject(new Error(`the sync source exited with ${code} before listening:\n${output}`)));
  });
}
