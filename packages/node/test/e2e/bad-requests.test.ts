import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CairnProcess, type Endpoints } from '../../../../test-support/cairn-process';
import { rpcCall } from '../../../../test-support/rpc-call';

let node: CairnProcess;
let endpoints: Endpoints;

beforeAll(async () => {
  ({ node, endpoints } = await CairnProcess.start(CairnProcess.tempDataPath()));
}, 90_000);

afterAll(async () => {
  await node?.cleanUp();
});

async function post(body: string | Uint8Array): Promise<{ status: number; json: any }> {
  const response = await fetch(endpoints.http, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : JSON.parse(text) };
}

/** Opens a WebSocket and hands back a function that sends one message and waits for the answer. */
async function openSocket(): Promise<{ socket: WebSocket; exchange: (message: unknown) => Promise<any> }> {
  const socket = new WebSocket(endpoints.ws);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const exchange = (message: unknown) =>
    new Promise<any>((resolve) => {
      socket.once('message', (data) => resolve(JSON.parse(data.toString())));
      socket.send(JSON.stringify(message));
    });
  return { socket, exchange };
}

async function stillServing(): Promise<void> {
  expect((await rpcCall(endpoints.http, 'eth_chainId')).result).toBe('0x539');
}

describe('bad requests get errors and never stop the node', () => {
  it('malformed JSON, invalid envelopes, unknown methods, wrong parameter types', async () => {
    expect(await post('{"jsonrpc":"2.0","id":1,"method":')).toMatchObject({ status: 400, json: { error: { code: -32700 } } });
    expect(await post('{"jsonrpc":"1.0","id":1,"method":"eth_chainId"}')).toMatchObject({ json: { error: { code: -32600 } } });
    expect(await post('[]')).toMatchObject({ json: { error: { code: -32600 } } });
    expect((await rpcCall(endpoints.http, 'eth_doesNotExist')).error).toMatchObject({ code: -32601 });
    expect((await rpcCall(endpoints.http, 'eth_getBalance', [123, 'latest'])).error).toMatchObject({ code: -32602, message: expect.stringContaining('params[0]') });
    expect((await rpcCall(endpoints.http, 'eth_getBlockByNumber', ['0x01', false])).error).toMatchObject({ code: -32602 });
    expect((await rpcCall(endpoints.http, 'eth_call', [{ to: '0x12' }])).error).toMatchObject({ code: -32602 });
    expect((await rpcCall(endpoints.http, 'eth_getBalance', ['0x0000000000000000000000000000000000000000', '0x99'])).error).toMatchObject({ code: -39001 });
    await stillServing();
  });

  it('a body over 5 MiB and a batch over 1024 requests', async () => {
    const huge = new TextEncoder().encode(`{"jsonrpc":"2.0","id":1,"method":"web3_sha3","params":["0x${'00'.repeat(3 * 1024 * 1024)}"]}`);
    const refused = await post(huge).catch((error: unknown) => ({ status: 'connection closed', json: String(error) }));
    expect([413, 'connection closed']).toContain(refused.status);
    const batch = Array.from({ length: 1025 }, (_, id) => ({ jsonrpc: '2.0', id, method: 'eth_chainId' }));
    expect(await post(JSON.stringify(batch))).toMatchObject({ json: { error: { code: -32005 } } });
    await stillServing();
  });

  it('a flood of WebSocket subscriptions is capped per connection, and the connection keeps working', async () => {
    const { socket, exchange } = await openSocket();
    const subscribe = (count: number, from: number) => Array.from({ length: count }, (_, i) => ({ jsonrpc: '2.0', id: from + i, method: 'eth_subscribe', params: ['newHeads'] }));
    const accepted = (await exchange(subscribe(1000, 0))) as { result?: string }[];
    expect(accepted.filter((r) => typeof r.result === 'string')).toHaveLength(1000);
    const refused = (await exchange(subscribe(50, 1000))) as { error?: { message: string } }[];
    expect(refused.every((r) => /Too many subscriptions/.test(r.error?.message ?? ''))).toBe(true);
    expect((await exchange({ jsonrpc: '2.0', id: 'x', method: 'eth_blockNumber' })).result).toBe('0x0');
    // A message above the frame limit closes only that connection (1009: message too big).
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send(`{"jsonrpc":"2.0","id":1,"method":"web3_sha3","params":["0x${'00'.repeat(1024 * 1024)}"]}`);
    expect(await closed).toBe(1009);
    await stillServing();
  });

  it('connections beyond the limit are refused while the others stay served', async () => {
    const sockets = await Promise.all(Array.from({ length: 80 }, () => openSocket()));
    const extra = new WebSocket(endpoints.ws);
    const status = await new Promise<number>((resolve) => {
      extra.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      extra.once('open', () => resolve(101));
    });
    expect(status).toBe(503);
    expect((await sockets[0].exchange({ jsonrpc: '2.0', id: 1, method: 'eth_chainId' })).result).toBe('0x539');
    await Promise.all(sockets.map(({ socket }) => new Promise((resolve) => {
      socket.once('close', resolve);
      socket.close();
    })));
    await stillServing();
  });
});
