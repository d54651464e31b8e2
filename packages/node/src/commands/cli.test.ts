import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { type CliEnvironment, runCli } from './cli';

function environment(argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const env: CliEnvironment = {
    argv,
    env: {},
    readFile: () => {
      throw new Error('no such file');
    },
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    progress: () => {},
    signals: new EventEmitter(),
    exit: () => {
      throw new Error('unexpected exit');
    },
  };
  return { env, stdout, stderr };
}

describe('the cairn command line', () => {
  it('prints help listing every option with its default, and the version', async () => {
    const help = environment(['--help']);
    expect(await runCli(help.env)).toBe(0);
    expect(help.stdout[0]).toMatch(/--rpc-http-port=<INTEGER>\n\s+Port of the JSON-RPC HTTP service \(default: 8545\)/);
    expect(help.stdout[0]).toMatch(/--pruning-enabled\[=<BOOLEAN>\]/);
    const version = environment(['--version']);
    expect(await runCli(version.env)).toBe(0);
    expect(version.stdout).toEqual([expect.stringMatching(/^cairn \d+\.\d+\.\d+$/)]);
  });

  it('answers bad usage with exit code 2 and every problem named', async () => {
    const bad = environment(['--rpc-http-port=99999', '--rpc-htp-port=1']);
    expect(await runCli(bad.env)).toBe(2);
    expect(bad.stderr[0]).toMatch(/--rpc-http-port \(from the command line\): expected an integer from 0 to 65535/);
    expect(bad.stderr[0]).toMatch(/did you mean --rpc-http-port/);
    const unknown = environment(['frobnicate']);
    expect(await runCli(unknown.env)).toBe(2);
    expect(unknown.stderr[0]).toMatch(/unknown command "frobnicate"/);
    const missing = environment(['blocks', 'import']);
    expect(await runCli(missing.env)).toBe(2);
    expect(missing.stderr[0]).toMatch(/blocks import needs --from=FILE/);
    const misplaced = environment(['--from=x.rlp']);
    expect(await runCli(misplaced.env)).toBe(2);
    expect(misplaced.stderr[0]).toMatch(/unknown option --from/);
  });

  it('reports a missing genesis file as bad usage, and a failing command with exit code 1', async () => {
    const noGenesis = environment(['blocks', 'export', '--to=/tmp/never-written.rlp', '--genesis-file=/nonexistent/genesis.json']);
    expect(await runCli(noGenesis.env)).toBe(2);
    expect(noGenesis.stderr[0]).toMatch(/--genesis-file: cannot read \/nonexistent\/genesis.json/);

    const dir = mkdtempSync(join(tmpdir(), 'cairn-cli-'));
    try {
      const genesisFile = join(dir, 'genesis.json');
      writeFileSync(genesisFile, JSON.stringify({ config: { chainId: 7, londonBlock: 0, mergeNetsplitBlock: 0, terminalTotalDifficulty: 0 }, gasLimit: '0x1c9c380', baseFeePerGas: '0x7', alloc: {} }));
      const beyondHead = environment(['blocks', 'export', `--to=${join(dir, 'out.rlp')}`, '--start=5', `--genesis-file=${genesisFile}`, `--data-path=${join(dir, 'data')}`, '--logging=OFF']);
      expect(await runCli(beyondHead.env)).toBe(1);
      expect(beyondHead.stderr[0]).toMatch(/^cairn: [A-Z_]+: .*5/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
