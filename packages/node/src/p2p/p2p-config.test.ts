import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, privateKeyToPublicKey } from '@cairn/common';
import { afterAll, describe, expect, it } from 'vitest';
import { OPTIONS } from '../cli/options';
import { defaultPermissionsPath, type P2pOptions, p2pNetworkConfig } from './p2p-config';

const dir = mkdtempSync(join(tmpdir(), 'cairn-p2p-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BOOT = `enode://${'ab'.repeat(64)}@10.1.2.3:30303`;
const OTHER = `enode://${'cd'.repeat(64)}@10.1.2.4:30303`;

function options(overrides: Partial<P2pOptions> = {}): P2pOptions {
  const defaults = Object.fromEntries(Object.entries(OPTIONS).map(([name, spec]) => [name, spec.defaultValue])) as unknown as P2pOptions;
  return { ...defaults, 'data-path': join(dir, 'data'), ...overrides };
}

describe('p2p configuration from the options', () => {
  it('takes Besu’s defaults, with the node key under the data path', () => {
    const config = p2pNetworkConfig(options(), 'cairn/test')!;
    expect(config).toMatchObject({ host: '127.0.0.1', listenInterface: '0.0.0.0', port: 30303, discovery: true, bootnodes: [], maxPeers: 25, natMethod: 'AUTO', allowlist: undefined });
    // The key file was created and is read again next time: the node keeps its identity.
    expect(p2pNetworkConfig(options(), 'cairn/test')!.privateKey).toEqual(config.privateKey);
    expect(privateKeyToPublicKey(config.privateKey)).toHaveLength(64);
  });

  it('maps nothing when the system picks the port', () => {
    expect(p2pNetworkConfig(options({ 'p2p-port': 0 }), 'cairn/test')!.natMethod).toBe('NONE');
    expect(() => p2pNetworkConfig(options({ 'p2p-port': 0, 'nat-method': 'UPNP' }), 'cairn/test')).toThrow(/needs a fixed --p2p-port/);
  });

  it('is absent with --p2p-enabled=false', () => {
    expect(p2pNetworkConfig(options({ 'p2p-enabled': false }), 'cairn/test')).toBeUndefined();
  });

  it('reads the nodes allowlist from the permissions file, by default under the data path', () => {
    const files = { [defaultPermissionsPath(join(dir, 'data'))]: `nodes-allowlist = ["${BOOT}"]\naccounts-allowlist = []\n` };
    const read = (path: string) => {
      if (!(path in files)) throw new Error('no such file');
      return files[path];
    };
    const config = p2pNetworkConfig(options({ 'permissions-nodes-config-file-enabled': true, bootnodes: [BOOT] }), 'cairn/test', read)!;
    expect(config.allowlist?.entries).toHaveLength(1);
    expect(config.bootnodes[0].address).toBe('10.1.2.3');
  });

  it('refuses a missing or malformed allowlist, and bootnodes it does not permit', () => {
    const enabled = { 'permissions-nodes-config-file-enabled': true, 'permissions-nodes-config-file': 'perm.toml' } as const;
    const fail = (text: string | undefined, extra: Partial<P2pOptions> = {}) => () =>
      p2pNetworkConfig(options({ ...enabled, ...extra }), 'cairn/test', () => {
        if (text === undefined) throw new Error('ENOENT');
        return text;
      });
    expect(fail(undefined)).toThrow(/cannot read perm.toml/);
    expect(fail('nodes-allowlist = [')).toThrow(ConfigError);
    expect(fail('nodes-allowlist = ["enode://nope"]')).toThrow(/not an enode URL/);
    expect(fail(`nodes-allowlist = ["${BOOT}"]`, { bootnodes: [BOOT, OTHER] })).toThrow(/not in the nodes allowlist/);
  });
});
