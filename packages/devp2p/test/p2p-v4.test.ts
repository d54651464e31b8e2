/**
 * Snappy is used only when both sides speak p2p version 5: a version-4 peer gets and sends plain
 * RLP, Hello included, and is served like any other.
 */
import { connect } from 'node:net';
import { bytesToHex, concatBytes, privateKeyToPublicKey, randomPrivateKey, type RlpValue, rlpDecode, rlpDecodeStream, rlpEncode } from '@cairn/common';
import { afterEach, describe, expect, it } from 'vitest';
import { EthCode, encodeHello, encodeStatus, ETH_68, ForkIdSchedule, PeerManager, peerManagerOptions, RlpxConnection } from '../src/index';
import { MemoryChain } from './helpers/memory-chain';

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

describe('p2p version 4 peers', () => {
  it('exchange uncompressed messages', async () => {
    const chain = new MemoryChain(5);
    const server = new PeerManager(peerManagerOptions({ privateKey: randomPrivateKey(), chain, listenAddress: '127.0.0.1', listenPort: 0 }));
    closers.push(() => server.close());
    const port = await server.listen();
    const socket = connect(port, '127.0.0.1');
    closers.push(() => socket.destroy());
    await new Promise((r) => socket.once('connect', r));
    const key = randomPrivateKey();
    const connection = await RlpxConnection.initiate(socket, key, server.nodeId, 2000);
    const received: { code: number; payload: RlpValue }[] = [];
    connection.start({
      // Every frame must be plain RLP after the id: decoding fails on a compressed one.
      onFrame: (frame) => {
        const { value, rest } = rlpDecodeStream(frame);
        const id = value as Uint8Array;
        received.push({ code: id.length === 0 ? 0 : id[0], payload: rlpDecode(rest) });
      },
      onFrameError: () => {},
      onClose: () => {},
    });
    const send = (code: number, payload: Parameters<typeof rlpEncode>[0]) => connection.sendFrame(concatBytes(rlpEncode(BigInt(code)), rlpEncode(payload)));
    send(0, encodeHello({ protocolVersion: 4, clientId: 'old', capabilities: [ETH_68], listenPort: 0, nodeId: privateKeyToPublicKey(key) }));
    const forkId = new ForkIdSchedule(chain.genesisHash, chain.chainConfig).forkIdAt({ number: 0n, timestamp: 0n });
    send(0x10 + EthCode.Status, encodeStatus({ version: 68, networkId: 1n, totalDifficulty: 1n, headHash: chain.genesisHash, genesisHash: chain.genesisHash, forkId }));
    send(0x10 + EthCode.GetBlockHeaders, [3n, [2n, 2n, 0n, 0n]]);
    const deadline = Date.now() + 3000;
    while (!received.some((m) => m.code === 0x10 + EthCode.BlockHeaders) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(received.map((m) => m.code).slice(0, 2)).toEqual([0, 0x10 + EthCode.Status]);
    const answer = received.find((m) => m.code === 0x10 + EthCode.BlockHeaders)!.payload as [Uint8Array, RlpValue[]];
    expect(answer[1].map((h) => bytesToHex(rlpEncode(h)))).toEqual([2, 3].map((n) => bytesToHex(chain.blocks[n].header)));
    expect(server.peerCount).toBe(1);
  });
});
