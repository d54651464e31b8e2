/**
 * NAT against a real UPnP gateway: Debian's miniupnpd in a network namespace built by the test
 * (see helpers/upnp-gateway.ts). The NAT service runs in the LAN namespace, finds the gateway by
 * SSDP, maps the p2p TCP and UDP ports, advertises the gateway's external address in the enode,
 * renews the lease, and removes both mappings at shutdown, each checked on the gateway itself.
 * Without root, miniupnpd, nftables or iproute2 this test fails, naming what to install.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnode } from '../src/index';
import { LAN_HOST, startGateway, type UpnpGateway, WAN_ADDRESS } from './helpers/upnp-gateway';

const here = dirname(fileURLToPath(import.meta.url));
let gateway: UpnpGateway;
/** Why the gateway could not be built; each test fails with it rather than being skipped. */
let setupError: Error | undefined;

beforeAll(async () => {
  const started = await startGateway();
  if (started instanceof Error) setupError = started;
  else gateway = started;
}, 20_000);

afterAll(async () => {
  await gateway?.stop();
});

type Event = { event: string; [key: string]: unknown };

/** Starts the NAT client in the LAN namespace and hands back its events as they come. */
function natClient(args: (string | number)[], namespace = gateway.lanNs): { child: ChildProcessWithoutNullStreams; next: (event: string) => Promise<Event>; output: () => string } {
  const child = spawn('ip', ['netns', 'exec', namespace, process.execPath, '--conditions=@cairn/source', '--import', 'tsx', join(here, 'helpers/nat-client.ts'), ...args.map(String)], {
    cwd: join(here, '..'),
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const events: Event[] = [];
  const waiters: (() => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    events.push(JSON.parse(line));
    for (const w of waiters.splice(0)) w();
  });
  const next = async (name: string): Promise<Event> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = events.find((e) => e.event === name);
      if (found) {
        events.splice(events.indexOf(found), 1);
        return found;
      }
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`NAT client gave no "${name}" event. stderr:\n${stderr}\ngateway log:\n${gateway.daemonLog}`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 200);
      });
    }
  };
  return { child, next, output: () => stderr };
}

function ourLeases(port: number): string[] {
  return gateway.leases().filter((l) => l.includes(`:${port}:${LAN_HOST}:${port}:`));
}

describe('NAT over UPnP against miniupnpd', () => {
  it('maps TCP and UDP, advertises the external address, renews the lease and unmaps at shutdown', async () => {
    if (setupError) throw setupError;
    const port = 30303;
    // Lease 3600 s (the library's minimum), renewed 3598 s early: every 2 seconds.
    const client = natClient(['UPNP', port, port, 3600, 3598, 4000]);
    const started = await client.next('started');
    expect(started.endpoint).toEqual({ address: WAN_ADDRESS, tcpPort: port, udpPort: port });
    const enode = parseEnode(started.enode as string);
    expect({ address: enode.address, tcpPort: enode.tcpPort }).toEqual({ address: WAN_ADDRESS, tcpPort: port });

    const leases = ourLeases(port);
    expect(leases.map((l) => l.split(':')[0]).sort()).toEqual(['TCP', 'UDP']);
    expect(leases.every((l) => l.endsWith(':cairn test'))).toBe(true);
    expect(gateway.natRules()).toMatch(new RegExp(`dport ${port} dnat ip to ${LAN_HOST.replaceAll('.', '\\.')}:${port}`));
    const expiryBefore = Math.max(...leases.map((l) => Number(l.split(':')[4])));

    // Wait for a renewal, then check the gateway extended the lease.
    for (;;) {
      const { count } = await client.next('renewals');
      if ((count as number) >= 1) break;
    }
    await new Promise((r) => setTimeout(r, 1100));
    const expiryAfter = Math.max(...ourLeases(port).map((l) => Number(l.split(':')[4])));
    expect(expiryAfter).toBeGreaterThan(expiryBefore);

    client.child.stdin.write('stop\n');
    await client.next('stopped');
    expect(ourLeases(port)).toEqual([]);
    expect(gateway.natRules()).not.toMatch(/dnat/);
  }, 30_000);

  it('fails under UPNP, carries on under AUTO and stays quiet under NONE when no gateway answers', async () => {
    if (setupError) throw setupError;
    const upnp = natClient(['UPNP', 30310, 30310, 3600, 60, 500], gateway.isolatedNs);
    const failed = await upnp.next('failed');
    expect(failed.code).toBe('NAT_FAILED');
    const auto = natClient(['AUTO', 30311, 30311, 3600, 60, 500], gateway.isolatedNs);
    expect((await auto.next('started')).endpoint).toBeUndefined();
    auto.child.stdin.write('stop\n');
    await auto.next('stopped');
    const none = natClient(['NONE', 30312, 30312, 3600, 60, 500], gateway.lanNs);
    expect((await none.next('started')).endpoint).toBeUndefined();
    none.child.stdin.write('stop\n');
    await none.next('stopped');
    expect(gateway.leases()).toEqual([]);
  }, 30_000);
});
