import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventChannel, type HeadEvent, MethodRegistry, newHeadsKind, RpcServer, SubscriptionManager, subscriptionMethods } from '../src/index';
import { WsTestClient } from './ws-client';

const heads = new EventChannel<HeadEvent>();
const padding = 'x'.repeat(16 * 1024);
const registry = new MethodRegistry(
  subscriptionMethods(new SubscriptionManager({ kinds: [newHeadsKind(heads, (head: HeadEvent) => ({ number: `${head.number}`, padding }))], maxPerConnection: 10 })),
);
const MAX_BUFFERED = 256 * 1024;
const server = new RpcServer({ registry, ws: { port: 0, apis: ['ETH'], maxBufferedBytes: MAX_BUFFERED } });

beforeAll(() => server.start());
afterAll(() => server.stop());

describe('a WebSocket client that stops reading', () => {
  it('is disconnected once its unsent notifications pass the limit, and its subscriptions end', async () => {
    const client = await WsTestClient.connect(server.wsUrl!);
    expect((await client.call('eth_subscribe', ['newHeads'])).result).toMatch(/^0x/);
    const tcp = (client.socket as unknown as { _socket: Socket })._socket;
    tcp.pause();
    // Kernel buffers absorb some megabytes first; 64 MiB of notifications is far past any of them.
    let sent = 0;
    while (heads.listenerCount > 0 && sent < 4096) {
      heads.emit({ hash: () => new Uint8Array(32), number: BigInt(sent++) });
      await new Promise((r) => setImmediate(r));
    }
    expect(heads.listenerCount).toBe(0);
    tcp.resume();
    expect((await client.closed).code).toBe(1008);
  });
});
