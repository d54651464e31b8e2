/**
 * Interop with @ethereumjs/devp2p over loopback, in both directions: the RLPx handshake, Hello,
 * the eth/68 Status (with EIP-2124 fork ids checked by both sides), and header and body
 * exchange, each side serving the other.
 */
import { bigintToBytes, randomPrivateKey, type RlpValue, rlpDecode, rlpEncode } from '@cairn/common';
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { ETH, type Peer as EjsPeer, RLPx } from '@ethereumjs/devp2p';
import { afterEach, describe, expect, it } from 'vitest';
import { type Peer, PeerManager, peerManagerOptions } from '../src/index';
import { MemoryChain } from './helpers/memory-chain';

type EjsEth = InstanceType<typeof ETH>;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const ethereumjsChain = new MemoryChain(30, 3);
const cairnChain = new MemoryChain(25, 9);

/** An ethereumjs node whose eth handler answers header and body requests from `ethereumjsChain`. */
function startEthereumjs(port: number | null): { rlpx: RLPx; ready: Promise<{ peer: EjsPeer; eth: EjsEth; messages: [number, unknown][] }> } {
  const common = new Common({ chain: Mainnet, hardfork: Hardfork.Chainstart });
  const rlpx = new RLPx(randomPrivateKey(), { maxPeers: 5, capabilities: [ETH.eth68], common, listenPort: port, dpt: null });
  if (port !== null) rlpx.listen(port, '127.0.0.1');
  cleanups.push(() => rlpx.destroy());
  const ready = new Promise<{ peer: EjsPeer; eth: EjsEth; messages: [number, unknown][] }>((resolve) => {
    rlpx.events.on('peer:added', (peer) => {
      const eth = peer.getProtocols()[0] as EjsEth;
      const messages: [number, unknown][] = [];
      eth.events.on('message', async (code, payload) => {
        messages.push([code, payload]);
        const [id, query] = payload as [Uint8Array, RlpValue];
        if (code === 0x03) {
          const start = Number(bigintOf((query as Uint8Array[])[0]));
          const limit = Number(bigintOf((query as Uint8Array[])[1]));
          const headers = ethereumjsChain.blocks.slice(start, start + limit).map((b) => rlpDecode(b.header));
          eth.sendMessage(0x04, [id, headers] as never);
        }
        if (code === 0x05) {
          const bodies = (query as Uint8Array[]).map((h) => ethereumjsChain.blocks.find((b) => eq(b.hash, h))!).map((b) => rlpDecode(b.body));
          eth.sendMessage(0x06, [id, bodies] as never);
        }
      });
      const head = ethereumjsChain.head();
      eth.sendStatus({ td: bigintToBytes(head.totalDifficulty), bestHash: head.hash, genesisHash: ethereumjsChain.genesisHash });
      eth.events.once('status', () => resolve({ peer, eth, messages }));
    });
  });
  return { rlpx, ready };
}

async function startCairn(): Promise<{ manager: PeerManager; port: number }> {
  const manager = new PeerManager(peerManagerOptions({ privateKey: randomPrivateKey(), chain: cairnChain, listenAddress: '127.0.0.1', listenPort: 0 }));
  cleanups.push(() => manager.close());
  return { manager, port: await manager.listen() };
}

function bigintOf(b: Uint8Array): bigint {
  return b.length === 0 ? 0n : BigInt(`0x${Buffer.from(b).toString('hex')}`);
}

function eq(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

/** Asks the ethereumjs side for headers and bodies of the Cairn chain and waits for the answers. */
async function ethereumjsRequests(eth: EjsEth, messages: [number, unknown][]): Promise<void> {
  eth.sendMessage(0x03, [bigintToBytes(7n), [bigintToBytes(2n), bigintToBytes(5n), new Uint8Array(0), new Uint8Array(0)]] as never);
  eth.sendMessage(0x05, [bigintToBytes(8n), cairnChain.blocks.slice(10, 13).map((b) => b.hash)] as never);
  const deadline = Date.now() + 5000;
  while (!(messages.some(([c]) => c === 0x04) && messages.some(([c]) => c === 0x06)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  const [, headersMsg] = messages.find(([c]) => c === 0x04)! as [number, [Uint8Array, Uint8Array[]]];
  expect(bigintOf(headersMsg[0])).toBe(7n);
  expect(headersMsg[1].map((h) => Buffer.from(rlpEncodeValue(h)).toString('hex'))).toEqual(cairnChain.blocks.slice(2, 7).map((b) => Buffer.from(b.header).toString('hex')));
  const [, bodiesMsg] = messages.find(([c]) => c === 0x06)! as [number, [Uint8Array, Uint8Array[]]];
  expect(bigintOf(bodiesMsg[0])).toBe(8n);
  expect(bodiesMsg[1].map((b) => Buffer.from(rlpEncodeValue(b)).toString('hex'))).toEqual(cairnChain.blocks.slice(10, 13).map((b) => Buffer.from(b.body).toString('hex')));
}

/** Asks the ethereumjs side for headers and bodies of its chain through Cairn's eth API. */
async function cairnRequests(peer: Peer): Promise<void> {
  expect(peer.eth.version).toBe(68);
  expect(peer.status.headHash).toEqual(ethereumjsChain.head().hash);
  expect(peer.status.forkId.next).toBe(1150000n);
  const headers = await peer.eth.getBlockHeaders({ origin: 4n, limit: 6n, skip: 0n, reverse: false });
  expect(headers).toEqual(ethereumjsChain.blocks.slice(4, 10).map((b) => b.header));
  const bodies = await peer.eth.getBlockBodies(ethereumjsChain.blocks.slice(20, 23).map((b) => b.hash));
  expect(bodies).toEqual(ethereumjsChain.blocks.slice(20, 23).map((b) => b.body));
}

function rlpEncodeValue(v: unknown): Uint8Array {
  return rlpEncode(v as RlpValue);
}

describe('interop with @ethereumjs/devp2p (RLPx, Hello, eth/68)', () => {
  it('Cairn dials ethereumjs', async () => {
    const port = 30000 + Math.floor(Math.random() * 20000);
    const ejs = startEthereumjs(port);
    const cairn = await startCairn();
    const ejsId = (ejs.rlpx as unknown as { id: Uint8Array }).id;
    const peer = await cairn.manager.connect({ id: ejsId, address: '127.0.0.1', tcpPort: port, udpPort: port });
    const { eth, messages } = await ejs.ready;
    await cairnRequests(peer);
    await ethereumjsRequests(eth, messages);
  });

  it('ethereumjs dials Cairn', async () => {
    const cairn = await startCairn();
    const added = new Promise<Peer>((resolve) => cairn.manager.onPeerAdded(resolve));
    const ejs = startEthereumjs(null);
    await ejs.rlpx.connect({ id: cairn.manager.nodeId, address: '127.0.0.1', tcpPort: cairn.port });
    const [{ eth, messages }, peer] = await Promise.all([ejs.ready, added]);
    expect(peer.direction).toBe('inbound');
    await cairnRequests(peer);
    await ethereumjsRequests(eth, messages);
  });
});
