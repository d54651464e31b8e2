/**
 * `--nat-method` on a `cairn` process against a real UPnP gateway: Debian's miniupnpd in a network
 * namespace, built by @cairn/devp2p's NAT test helper (shared rather than copied: the gateway is
 * the same). Under UPNP the node maps its p2p TCP and UDP ports, advertises the gateway's external
 * address in its enode, and removes both mappings when it stops; with no gateway it refuses to
 * start. Without root, miniupnpd, nftables or iproute2 the test fails, naming what to install.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LAN_HOST, startGateway, type UpnpGateway, WAN_ADDRESS } from '../../../devp2p/test/helpers/upnp-gateway';
import { cachedTestChain } from '../block-files';
import { startNodeProcess } from './support/node-process';

const PORT = 30353;
const dir = mkdtempSync(join(tmpdir(), 'cairn-p2p-nat-'));
let gateway: UpnpGateway | Error;

beforeAll(async () => {
  gateway = await startGateway();
}, 30_000);

afterAll(async () => {
  if (!(gateway instanceof Error)) await gateway?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('--nat-method=UPNP maps the p2p ports, advertises the external address and unmaps on stop; without a gateway the node does not start', { timeout: 120_000 }, async () => {
  if (gateway instanceof Error) throw gateway;
  const upnp = gateway;
  const { genesisFile } = await cachedTestChain(200, 2);
  const args = (name: string) => [`--genesis-file=${genesisFile}`, `--data-path=${join(dir, name)}`, `--p2p-port=${PORT}`, `--p2p-host=${LAN_HOST}`, '--nat-method=UPNP'];
  const ours = () => upnp.leases().filter((l) => l.includes(`:${PORT}:${LAN_HOST}:${PORT}:`));

  const node = startNodeProcess('nat', args('lan'), upnp.lanNs);
  try {
    const [, address, port] = await node.waitFor(/p2p listening: enode:\/\/[0-9a-f]{128}@([\d.]+):(\d+)/, 30_000);
    expect({ address, port: Number(port) }).toEqual({ address: WAN_ADDRESS, port: PORT });
    expect(ours().map((l) => l.split(':')[0]).sort()).toEqual(['TCP', 'UDP']);
    await node.stop();
  } finally {
    if (node.child.exitCode === null) await node.kill();
  }
  expect(ours()).toEqual([]);

  const isolated = startNodeProcess('no-gateway', args('isolated'), upnp.isolatedNs);
  expect(await isolated.exited()).toBe(1);
  expect(isolated.output()).toMatch(/cairn: NAT_FAILED: p2p failed to start: --nat-method=UPNP: no UPnP gateway answered/);
});
