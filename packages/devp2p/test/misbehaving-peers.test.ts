/**
 * A live Cairn node fed malformed frames, bad RLP, bad Snappy, wrong Status values, messages out
 * of order and an invalid block, each over its own connection: every one is answered with a
 * Disconnect carrying the right reason, the offence is recorded, and a well-behaved peer
 * connected all along is still served afterwards.
 */
import { connect, type Socket } from 'node:net';
import { concatBytes, privateKeyToPublicKey, randomPrivateKey, rlpDecode, rlpEncode } from '@cairn/common';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DisconnectReason,
  type DisconnectInfo,
  ETH_CAPABILITIES,
  EthCode,
  encodeStatus,
  ForkIdSchedule,
  P2pSession,
  PeerManager,
  peerManagerOptions,
  RlpxConnection,
  type SharedCapability,
  type Status,
} from '../src/index';
import { snappyCompress } from '../src/p2p/snappy';
import { MemoryChain, RecordingBlockSink } from './helpers/memory-chain';

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

const chain = new MemoryChain(20);
const forkIds = new ForkIdSchedule(chain.genesisHash, chain.chainConfig);
const goodStatus: Status = {
  version: 68,
  networkId: 1n,
  totalDifficulty: 1n,
  headHash: chain.genesisHash,
  genesisHash: chain.genesisHash,
  forkId: forkIds.forkIdAt({ number: 0n, timestamp: 0n }),
};

interface Rogue {
  socket: Socket;
  session: P2pSession;
  eth: SharedCapability;
  closed: Promise<DisconnectInfo>;
  nodeId: Uint8Array;
  /** Sends a raw eth message: `payload` goes on the wire as given (compressed by the caller). */
  sendRaw(code: number, payload: Uint8Array): void;
}

/** A peer built from the low-level pieces, so that it can send what no correct client would. */
async function rogue(serverPort: number, serverId: Uint8Array): Promise<Rogue> {
  const socket = connect(serverPort, '127.0.0.1');
  closers.push(() => socket.destroy());
  await new Promise((resolve) => socket.once('connect', resolve));
  const key = randomPrivateKey();
  const connection = await RlpxConnection.initiate(socket, key, serverId, 2000);
  const session = new P2pSession(connection, {
    clientId: 'rogue',
    listenPort: 0,
    nodeId: privateKeyToPublicKey(key),
    capabilities: ETH_CAPABILITIES,
    helloTimeoutMs: 2000,
    pingIntervalMs: 60_000,
    pingTimeoutMs: 60_000,
  });
  const closed = new Promise<DisconnectInfo>((resolve) => session.onClose(resolve));
  await session.start();
  const eth = session.attach('eth', () => {});
  return {
    socket,
    session,
    eth,
    closed,
    nodeId: privateKeyToPublicKey(key),
    sendRaw: (code, payload) => connection.sendFrame(concatBytes(rlpEncode(BigInt(eth.offset + code)), payload)),
  };
}

describe('misbehaving peers', () => {
  it('are disconnected with the right reason and recorded, while a good peer is still served', async () => {
    const blocks = new RecordingBlockSink((b) => (b.number === 13n ? { valid: false, reason: 'bad state root' } : { valid: true }));
    const server = new PeerManager(peerManagerOptions({ privateKey: randomPrivateKey(), chain, blocks, listenAddress: '127.0.0.1', listenPort: 0, maxPeers: 20 }));
    closers.push(() => server.close());
    const port = await server.listen();
    const good = new PeerManager(peerManagerOptions({ privateKey: randomPrivateKey(), chain: new MemoryChain(0), listenAddress: '127.0.0.1', listenPort: 0 }));
    closers.push(() => good.close());
    const goodPeer = await good.connect({ id: server.nodeId, address: '127.0.0.1', tcpPort: port, udpPort: port });

    const cases: { name: string; act: (r: Rogue) => void; reason: DisconnectReason; code: string }[] = [
      { name: 'garbage frame', act: (r) => r.socket.write(new Uint8Array(64).fill(0xab)), reason: DisconnectReason.BreachOfProtocol, code: 'BAD_FRAME' },
      { name: 'truncated RLP', act: (r) => r.sendRaw(EthCode.Status, snappyCompress(new Uint8Array([0xf8, 0x40, 0x01]))), reason: DisconnectReason.BreachOfProtocol, code: 'INVALID_RLP' },
      { name: 'bad Snappy', act: (r) => r.sendRaw(EthCode.Status, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x00])), reason: DisconnectReason.BreachOfProtocol, code: 'PROTOCOL_BREACH' },
      { name: 'Status of the wrong shape', act: (r) => r.session.send(r.eth, EthCode.Status, [1n, 2n]), reason: DisconnectReason.BreachOfProtocol, code: 'PROTOCOL_BREACH' },
      { name: 'wrong network id', act: (r) => r.session.send(r.eth, EthCode.Status, encodeStatus({ ...goodStatus, networkId: 5n })), reason: DisconnectReason.SubprotocolReason, code: 'WRONG_NETWORK_ID' },
      { name: 'wrong genesis', act: (r) => r.session.send(r.eth, EthCode.Status, encodeStatus({ ...goodStatus, genesisHash: new Uint8Array(32).fill(9) })), reason: DisconnectReason.SubprotocolReason, code: 'WRONG_GENESIS' },
      { name: 'wrong fork id', act: (r) => r.session.send(r.eth, EthCode.Status, encodeStatus({ ...goodStatus, forkId: { hash: new Uint8Array([1, 2, 3, 4]), next: 0n } })), reason: DisconnectReason.SubprotocolReason, code: 'WRONG_FORK_ID' },
      { name: 'wrong eth version', act: (r) => r.session.send(r.eth, EthCode.Status, encodeStatus({ ...goodStatus, version: 66 })), reason: DisconnectReason.SubprotocolReason, code: 'WRONG_VERSION' },
      { name: 'request before Status', act: (r) => r.session.send(r.eth, EthCode.GetBlockHeaders, [1n, [1n, 1n, 0n, 0n]]), reason: DisconnectReason.BreachOfProtocol, code: 'PROTOCOL_BREACH' },
      {
        name: 'invalid block',
        act: (r) => {
          r.session.send(r.eth, EthCode.Status, encodeStatus(goodStatus));
          r.session.sendEncoded(r.eth, EthCode.NewBlock, rlpEncode([rlpDecodeBlock(13), 14n]));
        },
        reason: DisconnectReason.BreachOfProtocol,
        code: 'INVALID_BLOCK',
      },
      {
        name: 'malformed request after Status',
        act: (r) => {
          r.session.send(r.eth, EthCode.Status, encodeStatus(goodStatus));
          r.session.send(r.eth, EthCode.GetBlockBodies, [1n, [new Uint8Array(5)]]);
        },
        reason: DisconnectReason.BreachOfProtocol,
        code: 'PROTOCOL_BREACH',
      },
    ];

    for (const c of cases) {
      const r = await rogue(port, server.nodeId);
      c.act(r);
      const info = await r.closed;
      expect({ name: c.name, by: info.by, reason: info.reason }).toEqual({ name: c.name, by: 'remote', reason: c.reason });
      const offence = server.offences.all().find((o) => Buffer.from(o.nodeId).equals(Buffer.from(r.nodeId)));
      expect({ name: c.name, code: offence?.code }).toEqual({ name: c.name, code: c.code });
    }

    expect(blocks.blocks.map((b) => b.number)).toEqual([13n]);
    expect(server.peerCount).toBe(1);
    const headers = await goodPeer.eth.getBlockHeaders({ origin: 0n, limit: 3n, skip: 0n, reverse: false });
    expect(headers).toEqual(chain.blocks.slice(0, 3).map((b) => b.header));
  });
});

/** Block `n` of the test chain as a decoded RLP value, ready to be wrapped in NewBlock. */
function rlpDecodeBlock(n: number) {
  return rlpDecode(chain.encodedBlock(n));
}
