/**
 * A real UPnP Internet Gateway Device for the NAT tests: Debian's miniupnpd (nftables backend)
 * running in a network namespace this helper creates, with a second namespace as the LAN host:
 *
 *   [lan ns] vlan 192.168.77.2/24 ── veth ── vgw 192.168.77.1/24 [gw ns] wan 5.1.2.3/24 ── veth ── wanx
 *
 * Nothing here is connected to the machine's real network: the namespaces hold only these veth
 * pairs, so SSDP multicast and SOAP calls stay between the two namespaces. The WAN address must be
 * a public one only because miniupnpd refuses to map ports behind a private or reserved address;
 * it exists solely on the gateway namespace's isolated WAN veth, and nothing is ever sent to it.
 *
 * Needs root and the packages miniupnpd, nftables and iproute2.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LAN_HOST = '192.168.77.2';
export const WAN_ADDRESS = '5.1.2.3';

const REQUIRED = [
  ['ip', 'iproute2'],
  ['nft', 'nftables'],
  ['miniupnpd', 'miniupnpd'],
] as const;

/** Throws a message naming what to install when the gateway cannot be built on this machine. */
export function checkGatewayPrerequisites(): void {
  const missing = REQUIRED.filter(([tool]) => !['/usr/sbin', '/sbin', '/usr/bin', '/bin'].some((dir) => existsSync(join(dir, tool)))).map(([, pkg]) => pkg);
  if (missing.length > 0) {
    throw new Error(
      `the UPnP test needs a real gateway: install ${missing.join(', ')} (as root: apt-get install -y miniupnpd nftables iproute2)`,
    );
  }
  if (process.getuid?.() !== 0) throw new Error('the UPnP test creates network namespaces and must run as root');
}

function run(args: string[]): string {
  return execFileSync(args[0], args.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const NFT_RULESET = `table inet filter {
  chain forward { type filter hook forward priority 0; policy drop; jump miniupnpd; }
  chain miniupnpd { }
  chain prerouting { type nat hook prerouting priority -100; policy accept; jump prerouting_miniupnpd; }
  chain postrouting { type nat hook postrouting priority 100; policy accept; jump postrouting_miniupnpd; }
  chain prerouting_miniupnpd { }
  chain postrouting_miniupnpd { }
}
`;

export class UpnpGateway {
  readonly gatewayNs: string;
  readonly lanNs: string;
  /** A namespace with nothing but loopback: no gateway can be found from there. */
  readonly isolatedNs: string;
  readonly dir: string;
  readonly leaseFile: string;
  private daemon: ChildProcess | undefined;
  private log = '';

  constructor() {
    const tag = `${process.pid % 100000}${Math.floor(Math.random() * 1000)}`;
    this.gatewayNs = `cairn-gw-${tag}`;
    this.lanNs = `cairn-lan-${tag}`;
    this.isolatedNs = `cairn-iso-${tag}`;
    this.dir = mkdtempSync(join(tmpdir(), 'cairn-upnp-'));
    this.leaseFile = join(this.dir, 'leases');
  }

  /** Builds the namespaces and the firewall tables, and starts miniupnpd; resolves once it listens. */
  async start(): Promise<void> {
    const g = ['ip', '-n', this.gatewayNs];
    const l = ['ip', '-n', this.lanNs];
    run(['ip', 'netns', 'add', this.gatewayNs]);
    run(['ip', 'netns', 'add', this.lanNs]);
    run(['ip', 'netns', 'add', this.isolatedNs]);
    run(['ip', '-n', this.isolatedNs, 'link', 'set', 'lo', 'up']);
    run([...g, 'link', 'add', 'vgw', 'type', 'veth', 'peer', 'name', 'vlan', 'netns', this.lanNs]);
    run([...g, 'link', 'add', 'wan', 'type', 'veth', 'peer', 'name', 'wanx']);
    run([...g, 'addr', 'add', '192.168.77.1/24', 'dev', 'vgw']);
    run([...g, 'addr', 'add', `${WAN_ADDRESS}/24`, 'dev', 'wan']);
    for (const dev of ['lo', 'vgw', 'wan', 'wanx']) run([...g, 'link', 'set', dev, 'up']);
    run([...l, 'addr', 'add', `${LAN_HOST}/24`, 'dev', 'vlan']);
    for (const dev of ['lo', 'vlan']) run([...l, 'link', 'set', dev, 'up']);
    run([...l, 'route', 'add', 'default', 'via', '192.168.77.1']);
    const rules = join(this.dir, 'miniupnpd.nft');
    writeFileSync(rules, NFT_RULESET);
    run(['ip', 'netns', 'exec', this.gatewayNs, 'nft', '-f', rules]);
    const conf = join(this.dir, 'miniupnpd.conf');
    writeFileSync(
      conf,
      [
        'ext_ifname=wan',
        'listening_ip=vgw',
        'port=0',
        'enable_natpmp=no',
        'enable_upnp=yes',
        'secure_mode=yes',
        'system_uptime=yes',
        `lease_file=${this.leaseFile}`,
        'uuid=3b2c1a7e-0b64-4d5e-9a51-2f9a7c3d1e10',
        'allow 1024-65535 192.168.77.0/24 1024-65535',
        'deny 0-65535 0.0.0.0/0 0-65535',
        '',
      ].join('\n'),
    );
    const daemon = spawn('ip', ['netns', 'exec', this.gatewayNs, 'miniupnpd', '-f', conf, '-d'], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.daemon = daemon;
    daemon.stdout?.on('data', (d) => (this.log += d));
    daemon.stderr?.on('data', (d) => (this.log += d));
    const deadline = Date.now() + 5000;
    while (!/HTTP listening on port/.test(this.log)) {
      if (daemon.exitCode !== null || Date.now() > deadline) throw new Error(`miniupnpd did not start:\n${this.log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The gateway's own record of its mappings (miniupnpd's lease file): `PROTO:port:host:port:expiry:desc`. */
  leases(): string[] {
    if (!existsSync(this.leaseFile)) return [];
    return readFileSync(this.leaseFile, 'utf8').split('\n').filter((line) => line.length > 0);
  }

  /** The DNAT rules miniupnpd installed in the gateway's nftables. */
  natRules(): string {
    return run(['ip', 'netns', 'exec', this.gatewayNs, 'nft', 'list', 'chain', 'inet', 'filter', 'prerouting_miniupnpd']);
  }

  get daemonLog(): string {
    return this.log;
  }

  async stop(): Promise<void> {
    const daemon = this.daemon;
    if (daemon && daemon.exitCode === null) {
      const exited = new Promise((r) => daemon.once('exit', r));
      daemon.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (daemon.exitCode === null) daemon.kill('SIGKILL');
    }
    for (const ns of [this.isolatedNs, this.lanNs, this.gatewayNs]) {
      try {
        run(['ip', 'netns', 'del', ns]);
      } catch {
        // Not created (start failed early).
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A started gateway, or why one could not be built on this machine: the tests then fail with
 * that reason (naming what to install) rather than being skipped.
 */
export async function startGateway(): Promise<UpnpGateway | Error> {
  try {
    checkGatewayPrerequisites();
    const gateway = new UpnpGateway();
    await gateway.start();
    return gateway;
  } catch (error) {
    return error as Error;
  }
}
