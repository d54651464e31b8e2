import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesToHex } from '@cairn/common';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTestChain } from '../../test/block-files';
import { createLogger } from '../logging/logger';
import { runBlocksExport } from './blocks-export';
import { runBlocksImport } from './blocks-import';
import { parseArgv } from '../cli/parse-argv';
import { resolveOptions } from '../cli/resolve-options';
import { chainLocationOf, openChain } from './open-chain';

const dir = mkdtempSync(join(tmpdir(), 'cairn-blocks-cmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const lines: string[] = [];
  const progress: string[] = [];
  return { lines, progress, output: { logger: createLogger('INFO', (line) => lines.push(line)), progress: (line: string) => progress.push(line) } };
}

describe('blocks import and export', () => {
  it('imports a block file into LevelDB, resumes, and exports the same bytes back', async () => {
    const chainFiles = await writeTestChain(dir, 6, 3);
    const dataPath = join(dir, 'data');
    // --genesis-file and --data-path as the node's option resolution gives them.
    const argv = parseArgv([`--genesis-file=${chainFiles.genesisFile}`, '--data-path', dataPath], () => false);
    const location = chainLocationOf(resolveOptions({ cli: argv.options, env: {}, readFile: () => '' }).values);
    expect(location).toEqual({ genesisFile: chainFiles.genesisFile, network: 'dev', dataPath, pruning: { 'pruning-enabled': false, 'pruning-blocks-retained': 1024 } });
    const first = capture();
    const { exitCode, summary } = await runBlocksImport({ from: chainFiles.blocksFile, ...location }, first.output);
    expect(exitCode).toBe(0);
    expect(bytesToHex(summary.head.hash())).toBe(chainFiles.head.hash);
    expect(first.progress.at(-1)).toMatch(/^\[#{24}\] 100% {2}6 blocks {2}[\d.]+ blocks\/s {2}[\d.]+ Mgas\/s {2}head #6$/);
    expect(first.lines.at(-1)).toMatch(/imported 6 blocks \(0 already stored\), head #6/);

    const again = capture();
    expect((await runBlocksImport({ from: chainFiles.blocksFile, genesisFile: chainFiles.genesisFile, dataPath }, again.output)).summary.known).toBe(6);

    const exported = join(dir, 'exported.rlp');
    await runBlocksExport({ to: exported, start: 1n, genesisFile: chainFiles.genesisFile, dataPath }, createLogger('OFF'));
    expect(readFileSync(exported)).toEqual(readFileSync(chainFiles.blocksFile));
  });

  it('works on the development network when no genesis file is given', async () => {
    const dataPath = join(dir, 'data-dev');
    const exported = join(dir, 'dev-genesis.rlp');
    const summary = await runBlocksExport({ to: exported, start: 0n, genesisFile: '', dataPath }, createLogger('OFF'));
    expect(summary.blocks).toBe(1);
    const out = capture();
    const result = await runBlocksImport({ from: exported, genesisFile: '', dataPath: join(dir, 'data-dev-2') }, out.output);
    expect(result.exitCode).toBe(0);
    expect(result.summary.known).toBe(1);
  });

  it('names the first invalid block and keeps the ones before it', async () => {
    const chainFiles = await writeTestChain(join(dir), 3, 1);
    const bytes = readFileSync(chainFiles.blocksFile);
    const broken = join(dir, 'broken.rlp');
    // Flip a byte near the end: the third block's last transaction no longer holds together.
    const copy = Buffer.from(bytes);
    copy[copy.length - 40] ^= 0xff;
    writeFileSync(broken, copy);
    const dataPath = join(dir, 'data-broken');
    const out = capture();
    const { exitCode, summary } = await runBlocksImport({ from: broken, genesisFile: chainFiles.genesisFile, dataPath }, out.output);
    expect(exitCode).toBe(1);
    expect(summary.blocks).toBe(2);
    expect(out.lines.at(-1)).toMatch(/ERROR .*invalid block #3 0x[0-9a-f]{64}: [A-Z_]+: .*2 blocks before it are imported, head #2/);
    const { chain, close } = await openChain({ genesisFile: chainFiles.genesisFile, dataPath });
    expect(chain.head.header.number).toBe(2n);
    await close();
  });

  it('explains a missing block file, and refuses blocks of another chain', async () => {
    await expect(runBlocksImport({ from: join(dir, 'none.rlp'), genesisFile: '', dataPath: join(dir, 'd') }, capture().output)).rejects.toMatchObject({ code: 'INVALID_CONFIG', message: expect.stringMatching(/--from/) });
    // Without --genesis-file the development chain is opened; the test chain's first block does not extend it.
    const chainFiles = await writeTestChain(join(dir), 1, 1);
    const out = capture();
    const { exitCode, summary } = await runBlocksImport({ from: chainFiles.blocksFile, genesisFile: '', dataPath: join(dir, 'd') }, out.output);
    expect(exitCode).toBe(1);
    expect(summary.blocks).toBe(0);
    expect(out.lines.at(-1)).toMatch(/ERROR .*invalid block #1 0x[0-9a-f]{64}: /);
  });
});
