import { createServer, type Server, type Socket, connect } from 'node:net';
import { privateKeyToPublicKey, randomPrivateKey } from '@cairn/common';
import { afterEach, describe, expect, it } from 'vitest';
import { RlpxConnection } from './connection';
import { eciesDecrypt, eciesEncrypt } from './ecies';

const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(() => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const s of servers.splice(0)) s.close();
});

function pair(): Promise<[Socket, Socket]> {
  return new Promise((resolve) => {
    const server = createServer((accepted) => {
      sockets.push(accepted);
      resolve([client, accepted]);
    });
    servers.push(server);
    let client: Socket;
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      client = connect(port, '127.0.0.1');
      sockets.push(client);
    });
  });
}

describe('ECIES', () => {
  it('round-trips and authenticates the shared MAC data', () => {
    const key = randomPrivateKey();
    const message = new TextEncoder().encode('hello rlpx');
    const sealed = eciesEncrypt(privateKeyToPublicKey(key), message, new Uint8Array([1, 2]));
    expect(eciesDecrypt(key, sealed, new Uint8Array([1, 2]))).toEqual(message);
    expect(() => eciesDecrypt(key, sealed, new Uint8Array([1, 3]))).toThrow(/authentication/);
    expect(() => eciesDecrypt(randomPrivateKey(), sealed, new Uint8Array([1, 2]))).toThrow(/authentication/);
  });
});

describe('RLPx connection', () => {
  it('completes the EIP-8 handshake both ways and carries frames of every size', async () => {
    const [a, b] = await pair();
    const keyA = randomPrivateKey();
    const keyB = randomPrivateKey();
    const [initiator, recipient] = await Promise.all([
      RlpxConnection.initiate(a, keyA, privateKeyToPublicKey(keyB), 2000),
      RlpxConnection.accept(b, keyB, 2000),
    ]);
    expect(recipient.remoteId).toEqual(privateKeyToPublicKey(keyA));
    const received: Uint8Array[] = [];
    const done = new Promise<void>((resolve) =>
      recipient.start({
        onFrame: (f) => {
          received.push(f);
          if (received.length === 3) resolve();
        },
        onFrameError: () => {},
        onClose: () => {},
      }),
    );
    initiator.start({ onFrame: () => {}, onFrameError: () => {}, onClose: () => {} });
    const big = new Uint8Array(300_000).map((_, i) => i % 251);
    initiator.sendFrame(new Uint8Array([0x80]));
    initiator.sendFrame(new Uint8Array(16).fill(7));
    initiator.sendFrame(big);
    await done;
    expect(received[0]).toEqual(new Uint8Array([0x80]));
    expect(received[1]).toEqual(new Uint8Array(16).fill(7));
    expect(received[2]).toEqual(big);
  });

  it('fails the handshake towards the wrong key', async () => {
    const [a, b] = await pair();
    const keyB = randomPrivateKey();
    const initiating = RlpxConnection.initiate(a, randomPrivateKey(), privateKeyToPublicKey(randomPrivateKey()), 1000);
    const accepting = RlpxConnection.accept(b, keyB, 1000);
    await expect(accepting).rejects.toThrow(/authentication|handshake/);
    b.destroy();
    await expect(initiating).rejects.toThrow(/closed|timed out/);
  });
});
