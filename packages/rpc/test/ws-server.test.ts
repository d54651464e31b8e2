import type { Transaction } from '@cairn/chain';
import { bigintToHex, bytesToHex } from '@cairn/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EventChannel,
  type HeadEvent,
  logsKind,
  MethodRegistry,
  netMethods,
  newHeadsKind,
  newPendingTransactionsKind,
  type RpcLog,
  RpcServer,
  SubscriptionManager,
  type SyncStatus,
  subscriptionMethods,
  syncingKind,
  web3Methods,
} from '../src/index';
import { rpc } from './http-client';
import { signed } from './support/sample-block';
import { WsTestClient } from './ws-client';

const heads = new EventChannel<HeadEvent>();
const logs = new EventChannel<readonly RpcLog[]>();
const pending = new EventChannel<Transaction>();
const syncing = new EventChannel<SyncStatus | null>();
const MAX_SUBSCRIPTIONS = 5;
const subscriptions = new SubscriptionManager({
  kinds: [
    newHeadsKind(heads, (head: HeadEvent) => ({ number: bigintToHex(head.number), hash: bytesToHex(head.hash()) })),
    logsKind(logs),
    newPendingTransactionsKind(pending),
    syncingKind(syncing),
  ],
  maxPerConnection: MAX_SUBSCRIPTIONS,
});
const registry = new MethodRegistry([
  ...web3Methods({ clientVersion: 'cairn/v0.1.0/test' }),
  ...netMethods({ networkId: () => 5n }),
  ...subscriptionMethods(subscriptions),
]);
const MAX_FRAME = 4096;
const MAX_CONNECTIONS = 4;
const server = new RpcServer({
  registry,
  http: { port: 0, apis: ['ETH', 'WEB3'] },
  ws: { port: 0, apis: ['ETH', 'WEB3'], maxFrameSize: MAX_FRAME, maxActiveConnections: MAX_CONNECTIONS, maxBatchSize: 5 },
});
let wsUrl = '';

beforeAll(async () => {
  await server.start();
  wsUrl = server.wsUrl!;
});
afterAll(() => server.stop());

const bytes = (n: number, length: number) => new Uint8Array(length).fill(n);

async function stillServing() {
  const client = await WsTestClient.connect(wsUrl);
  expect((await client.call('web3_clientVersion')).result).toBe('cairn/v0.1.0/test');
  await client.close();
}

/** Waits until the server has seen every close (it learns of them asynchronously). */
async function settle(condition: () => boolean) {
  for (let i = 0; i < 300 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}

describe('WebSocket transport on a real socket', () => {
  it('serves single requests, batches and errors', async () => {
    const client = await WsTestClient.connect(wsUrl);
    expect(await client.call('web3_clientVersion')).toEqual({ jsonrpc: '2.0', id: 1, result: 'cairn/v0.1.0/test' });
    client.send(JSON.stringify([1, 2].map((id) => ({ jsonrpc: '2.0', id, method: 'web3_sha3', params: ['0x'] }))));
    expect((await client.next()).map((r: { result: string }) => r.result)).toEqual([
      '0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470',
      '0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470',
    ]);
    client.send('{not json');
    expect((await client.next()).error.code).toBe(-32700);
    client.send(JSON.stringify(Array.from({ length: 6 }, (_, id) => ({ jsonrpc: '2.0', id, method: 'web3_clientVersion' }))));
    expect((await client.next()).error.code).toBe(-32005);
    expect((await client.call('net_version')).error.code).toBe(-32604);
    await client.close();
  });

  it('delivers newHeads, logs, pending transactions and syncing to their subscribers', async () => {
    const client = await WsTestClient.connect(wsUrl);
    const headsId = (await client.call('eth_subscribe', ['newHeads'])).result;
    const token = bytes(0xaa, 20);
    const logsId = (await client.call('eth_subscribe', ['logs', { address: bytesToHex(token), topics: [bytesToHex(bytes(1, 32))] }])).result;
    const pendingId = (await client.call('eth_subscribe', ['newPendingTransactions'])).result;
    const syncId = (await client.call('eth_subscribe', ['syncing'])).result;
    expect(new Set([headsId, logsId, pendingId, syncId]).size).toBe(4);

    heads.emit({ hash: () => bytes(7, 32), number: 7n });
    expect(await client.next()).toEqual({
      jsonrpc: '2.0',
      method: 'eth_subscription',
      params: { subscription: headsId, result: { number: '0x7', hash: bytesToHex(bytes(7, 32)) } },
    });

    const base = { data: Uint8Array.of(1), blockNumber: 7n, blockHash: bytes(7, 32), transactionHash: bytes(8, 32), transactionIndex: 0n, logIndex: 0n };
    logs.emit([
      { ...base, address: token, topics: [bytes(1, 32)], removed: true },
      { ...base, address: bytes(0xbb, 20), topics: [bytes(1, 32)], removed: false },
    ]);
    const logNote = await client.next();
    expect(logNote.params.subscription).toBe(logsId);
    expect(logNote.params.result).toMatchObject({ address: bytesToHex(token), removed: true, blockNumber: '0x7', data: '0x01' });

    const [tx] = signed();
    pending.emit(tx);
    expect((await client.next()).params).toEqual({ subscription: pendingId, result: bytesToHex(tx.hash()) });
    const fullId = (await client.call('eth_subscribe', ['newPendingTransactions', true])).result;
    pending.emit(tx);
    const notes = [await client.next(), await client.next()];
    const full = notes.find((n) => n.params.subscription === fullId);
    expect(full.params.result).toMatchObject({ hash: bytesToHex(tx.hash()), nonce: '0x0', blockHash: null });
    expect((await client.call('eth_unsubscribe', [fullId])).result).toBe(true);

    syncing.emit({ startingBlock: 0n, currentBlock: 5n, highestBlock: 10n });
    syncing.emit(null);
    expect((await client.next()).params.result).toEqual({ startingBlock: '0x0', currentBlock: '0x5', highestBlock: '0xa' });
    expect((await client.next()).params).toEqual({ subscription: syncId, result: false });

    expect((await client.call('eth_unsubscribe', [headsId])).result).toBe(true);
    expect((await client.call('eth_unsubscribe', [headsId])).error).toEqual({ code: -32000, message: 'Subscription not found' });
    heads.emit({ hash: () => bytes(8, 32), number: 8n });
    expect((await client.call('web3_clientVersion')).result).toBe('cairn/v0.1.0/test');
    await client.close();
    await settle(() => subscriptions.total === 0);
    expect(heads.listenerCount + logs.listenerCount + pending.listenerCount + syncing.listenerCount).toBe(0);
  });

  it('refuses bad subscription parameters by name', async () => {
    const client = await WsTestClient.connect(wsUrl);
    const unknown = await client.call('eth_subscribe', ['newBlocks']);
    expect(unknown.error.code).toBe(-32602);
    expect(unknown.error.message).toContain('available: newHeads, logs, newPendingTransactions, syncing');
    const badFilter = await client.call('eth_subscribe', ['logs', { address: '0x12' }]);
    expect(badFilter.error.message).toContain('params[1] (options).address');
    expect((await client.call('eth_subscribe', ['newHeads', { x: 1 }])).error.message).toContain('takes no options');
    expect((await client.call('eth_subscribe', ['newPendingTransactions', 'yes'])).error.message).toContain('params[1] (options)');
    await client.close();
  });

  it('refuses a subscription flood past the per-connection limit and cleans up on close', async () => {
    const client = await WsTestClient.connect(wsUrl);
    const flood = Array.from({ length: 50 }, (_, id) => ({ jsonrpc: '2.0', id, method: 'eth_subscribe', params: ['newHeads'] }));
    for (let i = 0; i < flood.length; i += 5) client.send(JSON.stringify(flood.slice(i, i + 5)));
    const answers = (await Promise.all(Array.from({ length: 10 }, () => client.next()))).flat();
    expect(answers.filter((a: { result?: string }) => a.result !== undefined)).toHaveLength(MAX_SUBSCRIPTIONS);
    const refused = answers.filter((a: { error?: { code: number } }) => a.error !== undefined);
    expect(refused).toHaveLength(50 - MAX_SUBSCRIPTIONS);
    expect(refused[0].error.message).toContain(`at most ${MAX_SUBSCRIPTIONS}`);
    expect(heads.listenerCount).toBe(MAX_SUBSCRIPTIONS);
    await client.close();
    await settle(() => heads.listenerCount === 0);
    await stillServing();
  });

  it('answers eth_subscribe over HTTP with -32601', async () => {
    const { json } = await rpc(server.httpUrl!, { jsonrpc: '2.0', id: 1, method: 'eth_subscribe', params: ['newHeads'] });
    expect(json.error.code).toBe(-32601);
    expect(json.error.message).toContain('WS');
  });

  it('closes a connection that sends a message above the frame limit, and keeps serving', async () => {
    const client = await WsTestClient.connect(wsUrl);
    client.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'web3_sha3', params: [`0x${'00'.repeat(MAX_FRAME)}`] }));
    expect((await client.closed).code).toBe(1009);
    await stillServing();
  });

  it('refuses connections beyond the limit with 503 and accepts again once one closes', async () => {
    await settle(() => server.wsConnectionCount === 0);
    const clients = await Promise.all(Array.from({ length: MAX_CONNECTIONS }, () => WsTestClient.connect(wsUrl)));
    await expect(WsTestClient.connect(wsUrl)).rejects.toThrow('HTTP 503');
    await clients[0].close();
    await settle(() => server.wsConnectionCount < MAX_CONNECTIONS);
    const again = await WsTestClient.connect(wsUrl);
    expect((await again.call('web3_clientVersion')).result).toBe('cairn/v0.1.0/test');
    await Promise.all([again, ...clients.slice(1)].map((c) => c.close()));
  });

  it('checks the Host header of the upgrade against the allowlist', async () => {
    await expect(WsTestClient.connect(wsUrl, { host: 'attacker.example' })).rejects.toThrow('HTTP 403');
    await stillServing();
  });
});
