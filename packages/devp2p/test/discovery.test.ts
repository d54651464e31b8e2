import { privateKeyToPublicKey, randomPrivateKey } from '@cairn/common';
import { afterEach, describe, expect, it } from 'vitest';
import { createSocket } from 'node:dgram';
import { Discovery, type Enode, encodePacket, expiresIn, PacketType, parseEnode } from '../src/index';

const running: Discovery[] = [];
afterEach(() => {
  for (const d of running.splice(0)) d.stop();
});

async function startNode(bootnodes: Enode[] = []): Promise<{ discovery: Discovery; enode: Enode }> {
  const privateKey = randomPrivateKey();
  const discovery = new Discovery(options(privateKey, 0, bootnodes));
  running.push(discovery);
  const port = await discovery.start();
  return { discovery, enode: { id: privateKeyToPublicKey(privateKey), address: '127.0.0.1', udpPort: port, tcpPort: port } };
}

function options(privateKey: Uint8Array, port: number, bootnodes: Enode[]) {
  return {
    privateKey,
    bindAddress: '127.0.0.1',
    bindPort: port,
    advertised: { address: '127.0.0.1', udpPort: port, tcpPort: port },
    bootnodes,
    requestTimeoutMs: 1000,
    revalidateIntervalMs: 60_000,
    refreshIntervalMs: 60_000,
  };
}

describe('discovery v4 between Cairn nodes', () => {
  it('finds nodes through a bootnode given as an enode URL, and serves ENRs', async () => {
    const boot = await startNode();
    const url = `enode://${Buffer.from(boot.enode.id).toString('hex')}@127.0.0.1:${boot.enode.udpPort}`;
    const a = await startNode([parseEnode(url)]);
    const b = await startNode([parseEnode(url)]);
    await a.discovery.bootstrap();
    await b.discovery.bootstrap();
    // b's lookup went through the bootnode, which knew a: b now knows a, and a knows b (it pinged).
    const found = await b.discovery.lookup(b.enode.id);
    expect(found.map((n) => Buffer.from(n.id).toString('hex'))).toContain(Buffer.from(a.enode.id).toString('hex'));
    expect(b.discovery.table.get(a.enode.id)).toBeDefined();
    expect(boot.discovery.table.size).toBe(2);

    const enr = await a.discovery.requestEnr({ ...b.enode });
    expect(enr.publicKey).toEqual(b.enode.id);
    expect(enr.udp).toBe(b.enode.udpPort);
    expect(enr.ip).toBe('127.0.0.1');
  });

  it('drops a node that stops answering its liveness check', async () => {
    const a = await startNode();
    const b = await startNode();
    expect(await a.discovery.ping(b.enode)).toBe(true);
    await until(() => b.discovery.table.get(a.enode.id) !== undefined);
    a.discovery.stop();
    // b revalidates a (the only entry), gets no pong, and removes it.
    await (b.discovery as unknown as { revalidate(): Promise<void> }).revalidate();
    expect(b.discovery.table.get(a.enode.id)).toBeUndefined();
  });

  it('drops malformed, badly signed and expired packets and keeps answering', async () => {
    const a = await startNode();
    const b = await startNode();
    const socket = createSocket('udp4');
    const key = randomPrivateKey();
    const expired = encodePacket({ type: PacketType.Ping, version: 4n, from: a.enode, to: b.enode, expiration: expiresIn(-60) }, key).packet;
    const valid = encodePacket({ type: PacketType.FindNode, target: new Uint8Array(64), expiration: expiresIn() }, key).packet;
    const garbage = [new Uint8Array(3), new Uint8Array(200).fill(0xee), valid.subarray(0, 120), expired, new Uint8Array(2000)];
    const wrongBody = valid.slice();
    wrongBody[wrongBody.length - 1] ^= 0xff; // breaks the hash
    for (const packet of [...garbage, wrongBody]) socket.send(packet, b.enode.udpPort, '127.0.0.1');
    await new Promise((r) => setTimeout(r, 100));
    socket.close();
    expect(b.discovery.table.size).toBe(0);
    expect(await a.discovery.ping(b.enode)).toBe(true);
  });

  it('ignores nodes the allowlist refuses', async () => {
    const a = await startNode();
    const privateKey = randomPrivateKey();
    const guarded = new Discovery({ ...options(privateKey, 0, []), accept: () => false });
    running.push(guarded);
    const port = await guarded.start();
    expect(await a.discovery.ping({ id: privateKeyToPublicKey(privateKey), address: '127.0.0.1', udpPort: port, tcpPort: port })).toBe(false);
  });
});

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
