/**
 * Discovery v4 interop with @ethereumjs/devp2p's DPT over loopback, both directions: ping/pong
 * bonding and findnode/neighbors.
 */
import { randomPrivateKey } from '@cairn/common';
import { DPT } from '@ethereumjs/devp2p';
import { afterEach, describe, expect, it } from 'vitest';
import { Discovery } from '../src/index';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function startCairn(): Promise<{ discovery: Discovery; port: number }> {
  const discovery = new Discovery({
    privateKey: randomPrivateKey(),
    bindAddress: '127.0.0.1',
    bindPort: 0,
    advertised: { address: '127.0.0.1', udpPort: 0, tcpPort: 30303 },
    bootnodes: [],
    requestTimeoutMs: 1500,
    revalidateIntervalMs: 60_000,
    refreshIntervalMs: 60_000,
  });
  cleanups.push(() => discovery.stop());
  return { discovery, port: await discovery.start() };
}

function startEthereumjs(): { dpt: DPT; port: number; id: Uint8Array } {
  const port = 20000 + Math.floor(Math.random() * 30000);
  const dpt = new DPT(randomPrivateKey(), {
    endpoint: { address: '127.0.0.1', udpPort: port, tcpPort: port },
    shouldFindNeighbours: false,
    refreshInterval: 60_000,
    timeout: 1500,
  });
  dpt.events.on('error', () => {
    // ethereumjs reports timeouts of its own pings here; the assertions below are what count.
  });
  dpt.bind(port, '127.0.0.1');
  cleanups.push(() => dpt.destroy());
  return { dpt, port, id: dpt.id! };
}

interface EjsServer {
  events: { on(event: 'peers', listener: (peers: { udpPort: number }[]) => void): void };
  findneighbours(peer: unknown, id: Uint8Array): void;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('discovery interop with @ethereumjs/devp2p DPT', () => {
  it('Cairn pings ethereumjs and asks it for neighbours', async () => {
    const cairn = await startCairn();
    const ejs = startEthereumjs();
    const third = await startCairn();
    // ethereumjs learns of a third node, which it will then report as a neighbour.
    const thirdInfo = await ejs.dpt.addPeer({ address: '127.0.0.1', udpPort: third.port, tcpPort: 30303 });
    expect(hex(thirdInfo.id!)).toBe(hex(third.discovery.id));

    const node = { id: ejs.id, address: '127.0.0.1', udpPort: ejs.port, tcpPort: ejs.port };
    expect(await cairn.discovery.ping(node)).toBe(true);
    const neighbours = await cairn.discovery.findNode(node, cairn.discovery.id);
    expect(neighbours.map((n) => hex(n.id))).toContain(hex(third.discovery.id));
    expect(neighbours.find((n) => hex(n.id) === hex(third.discovery.id))?.udpPort).toBe(third.port);
  });

  it('ethereumjs pings Cairn and asks it for neighbours', async () => {
    const cairn = await startCairn();
    const third = await startCairn();
    expect(await cairn.discovery.ping({ id: third.discovery.id, address: '127.0.0.1', udpPort: third.port, tcpPort: 30303 })).toBe(true);
    await until(() => cairn.discovery.table.get(third.discovery.id) !== undefined);

    const ejs = startEthereumjs();
    const info = await ejs.dpt.addPeer({ address: '127.0.0.1', udpPort: cairn.port, tcpPort: 30303 });
    expect(hex(info.id!)).toBe(hex(cairn.discovery.id));
    // Cairn answers findnode once bonded; ethereumjs's server reports the neighbours' endpoints.
    const server = (ejs.dpt as unknown as { _server: EjsServer })._server;
    const reported = new Promise<number[]>((resolve) =>
      server.events.on('peers', (peers) => {
        if (peers.some((p) => p.udpPort === third.port)) resolve(peers.map((p) => p.udpPort));
      }),
    );
    server.findneighbours(info, ejs.id);
    expect(await reported).toContain(third.port);
    expect(cairn.discovery.table.get(ejs.id)).toBeDefined();
  });
});

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
