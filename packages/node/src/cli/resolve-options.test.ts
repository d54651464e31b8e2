import { ConfigError } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { parseArgv } from './parse-argv';
import { OPTIONS } from './options';
import { resolveOptions } from './resolve-options';

const isFlag = (name: string) => name in OPTIONS && OPTIONS[name as keyof typeof OPTIONS].kind.isFlag;

function resolve(argv: string[], env: Record<string, string> = {}, files: Record<string, string> = {}) {
  return resolveOptions({
    cli: parseArgv(argv, isFlag).options,
    env,
    readFile: (path) => {
      if (!(path in files)) throw new Error('no such file');
      return files[path];
    },
  });
}

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('option resolution', () => {
  it('uses built-in defaults and the dev network defaults', () => {
    const { values, sources } = resolve([]);
    expect(values['rpc-http-port']).toBe(8545);
    expect(values['metrics-port']).toBe(9545);
    expect(values['rpc-http-enabled']).toBe(true);
    expect(sources['rpc-http-enabled']).toBe('network');
    expect(sources['rpc-http-port']).toBe('default');
  });

  it('does not apply network defaults with a genesis file', () => {
    const { values } = resolve(['--genesis-file', 'g.json']);
    expect(values['rpc-http-enabled']).toBe(false);
    expect(values['rpc-http-api']).toEqual(['ETH', 'NET', 'WEB3']);
  });

  it('orders command line over environment over config file', () => {
    const files = { 'c.toml': 'rpc-http-port = 9000\nmetrics-port = 9001\nlogging = "debug"\nrpc-http-api = ["eth", "txpool"]\n' };
    const env = { CAIRN_METRICS_PORT: '9002', CAIRN_CONFIG_FILE: 'c.toml' };
    const { values, sources } = resolve(['--rpc-http-port=9003', '--min-gas-price', '0x10'], env, files);
    expect(values['rpc-http-port']).toBe(9003);
    expect(values['metrics-port']).toBe(9002);
    expect(sources['metrics-port']).toBe('environment');
    expect(values.logging).toBe('DEBUG');
    expect(values['rpc-http-api']).toEqual(['ETH', 'TXPOOL']);
    expect(sources['rpc-http-api']).toBe('config file');
    expect(values['min-gas-price']).toBe(16n);
  });

  it('reads booleans as flags or with a value', () => {
    expect(resolve(['--genesis-file=g', '--metrics-enabled'])).toMatchObject({ values: { 'metrics-enabled': true } });
    expect(resolve(['--metrics-enabled=false'])).toMatchObject({ values: { 'metrics-enabled': false } });
    expect(parseArgv(['--metrics-enabled', 'blocks'], isFlag).words).toEqual(['blocks']);
  });

  it('reports every bad value with its option and source', () => {
    const issues = issuesOf(() =>
      resolve(['--rpc-http-port=99999', '--rpc-htp-port=1', '--logging=loud', '--rpc-http-api=ETH,FOO', '--data-path'], { CAIRN_METRICS_PORT: 'x' }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/--rpc-http-port \(from the command line\): expected an integer from 0 to 65535/),
        expect.stringMatching(/unknown option --rpc-htp-port .*did you mean --rpc-http-port/),
        expect.stringMatching(/--logging .*expected one of OFF/),
        expect.stringMatching(/--rpc-http-api .*unknown API "FOO"/),
        expect.stringMatching(/--data-path .*needs a value/),
        expect.stringMatching(/--metrics-port \(from the environment\)/),
      ]),
    );
  });

  it('reports a missing or malformed config file and unknown keys in it', () => {
    expect(issuesOf(() => resolve(['--config-file=none.toml']))[0]).toMatch(/cannot read none.toml/);
    expect(issuesOf(() => resolve(['--config-file=c.toml'], {}, { 'c.toml': 'x = [' }))[0]).toMatch(/not valid TOML/);
    expect(issuesOf(() => resolve(['--config-file=c.toml'], {}, { 'c.toml': 'rpc-http-prot = 1' }))[0]).toMatch(/did you mean rpc-http-port/);
  });

  it('turns p2p off on the dev network, keeps Besu’s p2p defaults otherwise, and checks bootnodes', () => {
    expect(resolve([]).values['p2p-enabled']).toBe(false);
    const { values } = resolve(['--genesis-file', 'g.json']);
    expect(values).toMatchObject({ 'p2p-enabled': true, 'p2p-port': 30303, 'p2p-host': '127.0.0.1', 'p2p-interface': '0.0.0.0', 'max-peers': 25, 'nat-method': 'AUTO', bootnodes: [] });
    const boot = `enode://${'ab'.repeat(64)}@10.0.0.1:30303`;
    expect(resolve(['--genesis-file', 'g.json', `--bootnodes=${boot}`, '--nat-method=upnp']).values).toMatchObject({ bootnodes: [boot], 'nat-method': 'UPNP' });
    expect(issuesOf(() => resolve(['--bootnodes=enode://12@10.0.0.1:30303']))[0]).toMatch(/^--bootnodes \(from the command line\): not an enode URL/);
    expect(issuesOf(() => resolve(['--nat-method=DOCKER']))[0]).toContain('expected one of AUTO, UPNP, NONE');
  });
});
