/**
 * Besu's node allowlist on `cairn` processes: a node started with
 * `--permissions-nodes-config-file-enabled` and a permissions file listing one peer connects to
 * that peer and refuses every other, even one that dials it directly (admin_addPeer).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesToHex, privateKeyToPublicKey, randomPrivateKey } from '@cairn/common';
import { afterAll, expect, it } from 'vitest';
import { cachedTestChain } from '../block-files';
import { waitFor } from './support/test-node';
import { type NodeProcess, startNodeProcess } from './support/node-process';

const dir = mkdtempSync(join(tmpdir(), 'cairn-p2p-allowlist-'));
const running: NodeProcess[] = [];
afterAll(async () => {
  for (const node of running) await node.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** A node identity written as Besu's key file, with its enode at a fixed loopback port. */
function identity(name: string, port: number) {
  const key = randomPrivateKey();
  const keyFile = join(dir, `${name}.key`);
  writeFileSync(keyFile, bytesToHex(key));
  return { keyFile, port, enode: `enode://${bytesToHex(privateKeyToPublicKey(key)).slice(2)}@127.0.0.1:${port}` };
}

it('a node with a nodes allowlist keeps the listed peer and refuses the others', { timeout: 120_000 }, async () => {
  const { genesisFile } = await cachedTestChain(200, 2);
  // Fixed ports (an allowlist names them), chosen at random in a range few services use.
  const base = 40_000 + Math.floor(Math.random() * 20_000);
  const [a, listed, other] = [identity('a', base), identity('listed', base + 1), identity('other', base + 2)];
  const permissions = join(dir, 'permissions_config.toml');
  writeFileSync(permissions, `nodes-allowlist=["${listed.enode}"]\naccounts-allowlist=[]\n`);
  const start = (name: string, id: ReturnType<typeof identity>, extra: string[]) => {
    const node = startNodeProcess(name, [
      `--genesis-file=${genesisFile}`,
      `--data-path=${join(dir, name)}`,
      `--node-private-key-file=${id.keyFile}`,
      '--p2p-host=127.0.0.1',
      '--p2p-interface=127.0.0.1',
      `--p2p-port=${id.port}`,
      '--nat-method=NONE',
      '--rpc-http-enabled',
      '--rpc-http-port=0',
      '--rpc-http-api=NET,ADMIN',
      ...extra,
    ]);
    running.push(node);
    return node;
  };
  const guarded = start('a', a, ['--permissions-nodes-config-file-enabled', `--permissions-nodes-config-file=${permissions}`]);
  expect((await guarded.rpc('admin_nodeInfo')).enode).toBe(a.enode);
  const friend = start('listed', listed, [`--bootnodes=${a.enode}`]);
  const stranger = start('other', other, [`--bootnodes=${a.enode}`]);

  await waitFor('the listed node to connect', async () => (await guarded.rpc('admin_peers')).some((p: { enode: string }) => p.enode === listed.enode));
  // The stranger is refused however it tries: through discovery, and by dialling directly.
  expect(await stranger.rpc('admin_addPeer', [a.enode])).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  expect((await guarded.rpc('admin_peers')).map((p: { enode: string }) => p.enode)).toEqual([listed.enode]);
  expect(await guarded.rpc('net_peerCount')).toBe('0x1');
  expect(await friend.rpc('net_peerCount')).toBe('0x1');
  expect(await stranger.rpc('net_peerCount')).toBe('0x0');
  await Promise.all([guarded, friend, stranger].map((node) => node.stop()));
});
