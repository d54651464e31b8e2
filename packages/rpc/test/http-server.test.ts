import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MethodRegistry, netMethods, RpcServer, web3Methods } from '../src/index';
import { httpRequest, rpc } from './http-client';

const LIMIT = 64 * 1024;
const registry = new MethodRegistry([...web3Methods({ clientVersion: 'cairn/v0.1.0/test' }), ...netMethods({ networkId: () => 5n })]);
const server = new RpcServer({
  registry,
  http: {
    port: 0,
    apis: ['WEB3'],
    corsOrigins: ['http://wallet.example'],
    maxRequestContentLength: LIMIT,
    maxBatchSize: 10,
  },
});
let url = '';

beforeAll(async () => {
  await server.start();
  url = server.httpUrl!;
});
afterAll(() => server.stop());

const version = { jsonrpc: '2.0', id: 1, method: 'web3_clientVersion' };

async function stillServing() {
  const { json } = await rpc(url, version);
  expect(json.result).toBe('cairn/v0.1.0/test');
}

describe('HTTP transport on a real socket', () => {
  it('serves a request', async () => {
    const reply = await rpc(url, version);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json');
    expect(reply.json).toEqual({ jsonrpc: '2.0', id: 1, result: 'cairn/v0.1.0/test' });
  });

  it('answers malformed JSON with 400 and -32700', async () => {
    for (const body of ['{', 'nonsense', '', '\u0000\u0001']) {
      const reply = await rpc(url, body);
      expect(reply.status).toBe(400);
      expect(reply.json.error.code).toBe(-32700);
    }
    await stillServing();
  });

  it('answers wrong parameter types with -32602 naming the parameter', async () => {
    const reply = await rpc(url, { jsonrpc: '2.0', id: 2, method: 'web3_sha3', params: [42] });
    expect(reply.json.error.code).toBe(-32602);
    expect(reply.json.error.message).toContain('params[0] (data)');
  });

  it('answers unknown methods with -32601 and methods of a disabled API with -32604', async () => {
    expect((await rpc(url, { jsonrpc: '2.0', id: 3, method: 'eth_nothing' })).json.error.code).toBe(-32601);
    const disabled = await rpc(url, { jsonrpc: '2.0', id: 3, method: 'net_version' });
    expect(disabled.json.error.code).toBe(-32604);
    expect(disabled.json.error.message).toContain('NET API');
  });

  it('answers a notification with 204 and no body', async () => {
    const reply = await rpc(url, { jsonrpc: '2.0', method: 'web3_clientVersion' });
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
  });

  it('serves batches and refuses oversize ones', async () => {
    const batch = Array.from({ length: 10 }, (_, id) => ({ ...version, id }));
    const ok = await rpc(url, batch);
    expect(ok.json.map((r: { id: number }) => r.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const tooMany = await rpc(url, [...batch, { ...version, id: 10 }]);
    expect(tooMany.json.error.code).toBe(-32005);
    await stillServing();
  });

  it('refuses a declared oversize body with 413 before reading it', async () => {
    const reply = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const socket = connect(Number(new URL(url).port), '127.0.0.1');
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => resolve({ status: Number(text.split(' ')[1]), text }));
      socket.on('error', reject);
      // Announce 100 MB and send only the headers: the answer must come without the body.
      socket.write(`POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n`);
    });
    expect(reply.status).toBe(413);
    expect(reply.text).toContain('-32600');
    await stillServing();
  });

  it('refuses a chunked body once it passes the limit, without waiting for its end', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, agent: false });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', () => undefined);
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        // Keeps sending (up to 64 times the limit) until the server answers.
        while (sent < LIMIT * 64 && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!req.destroyed) reject(new Error('the server read the whole oversize body'));
      };
      req.write('[');
      pump();
    });
    expect(status).toBe(413);
    await stillServing();
  });

  it('accepts a body just under the limit', async () => {
    const padding = ' '.repeat(LIMIT - JSON.stringify(version).length - 1);
    const reply = await rpc(url, `${JSON.stringify(version)}${padding}`);
    expect(reply.json.result).toBe('cairn/v0.1.0/test');
  });

  it('checks the Host header against the allowlist', async () => {
    const bad = await rpc(url, version, { host: 'attacker.example' });
    expect(bad.status).toBe(403);
    expect(bad.json).toEqual({ message: 'Host not authorized.' });
    const port = new URL(url).port;
    for (const host of [`localhost:${port}`, 'LOCALHOST', `127.0.0.1:${port}`]) {
      expect((await rpc(url, version, { host })).status, host).toBe(200);
    }
    expect((await rpc(url, version, { host: 'localhost:abc' })).status).toBe(403);
  });

  it('answers CORS preflights for allowed origins and refuses other origins', async () => {
    const preflight = await httpRequest(url, {
      method: 'OPTIONS',
      headers: { origin: 'http://wallet.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://wallet.example');
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');

    const allowed = await rpc(url, version, { origin: 'http://wallet.example' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('http://wallet.example');

    for (const origin of ['http://evil.example', 'http://walletXexample']) {
      const refused = await rpc(url, version, { origin });
      expect(refused.status).toBe(403);
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      const refusedPreflight = await httpRequest(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect(refusedPreflight.status).toBe(403);
    }
  });

  it('answers GET / with 201 for liveness probes and other paths with 404', async () => {
    expect((await httpRequest(url, { method: 'GET' })).status).toBe(201);
    expect((await httpRequest(`${url}/other`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await httpRequest(url, { method: 'PUT', body: '{}' })).status).toBe(405);
  });
});

/** Opens a keep-alive connection and completes one request on it, so the server surely counts it. */
function keepAliveConnection(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const body = JSON.stringify(version);
    socket.once('data', () => resolve(socket));
    socket.on('error', reject);
    socket.write(`POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
  });
}

describe('HTTP connection limit', () => {
  it('drops connections beyond maxActiveConnections and serves again once they close', async () => {
    const limited = new RpcServer({ registry, http: { port: 0, apis: ['WEB3'], maxActiveConnections: 2 } });
    await limited.start();
    const port = Number(new URL(limited.httpUrl!).port);
    const open = [await keepAliveConnection(port), await keepAliveConnection(port)];
    await expect(rpc(limited.httpUrl!, version)).rejects.toThrow();
    for (const s of open) s.destroy();
    // The server learns of the closes asynchronously: retry a few times.
    let result: unknown;
    for (let attempt = 0; attempt < 50 && result === undefined; attempt++) {
      result = await rpc(limited.httpUrl!, version).then((r) => r.json.result, () => undefined);
    }
    expect(result).toBe('cairn/v0.1.0/test');
    await limited.stop();
  });
});
