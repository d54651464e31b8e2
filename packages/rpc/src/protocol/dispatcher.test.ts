import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ExecutionRevertedError } from '../errors/revert';
import { TransactionRejectedError, TxRejection } from '../errors/application-errors';
import { netMethods } from '../methods/net';
import { web3Methods } from '../methods/web3';
import { defineMethod } from '../registry/method';
import { MethodRegistry } from '../registry/registry';
import { RpcDispatcher } from './dispatcher';

const failures: unknown[] = [];
const registry = new MethodRegistry([
  ...web3Methods({ clientVersion: 'cairn/v0.1.0/test' }),
  ...netMethods({ networkId: () => 1337n }),
  defineMethod({
    name: 'eth_revert',
    namespace: 'ETH',
    params: z.tuple([]),
    handler: () => {
      throw new ExecutionRevertedError(Uint8Array.of(0xde, 0xad));
    },
  }),
  defineMethod({
    name: 'eth_reject',
    namespace: 'ETH',
    params: z.tuple([]),
    handler: () => {
      throw new TransactionRejectedError(TxRejection.NonceTooLow, 'nonce 1 < 5');
    },
  }),
  defineMethod({
    name: 'eth_crash',
    namespace: 'ETH',
    params: z.tuple([]),
    handler: () => {
      throw new Error('secret internal detail');
    },
  }),
  defineMethod({ name: 'eth_bigint', namespace: 'ETH', params: z.tuple([]), handler: () => 5n }),
  defineMethod({ name: 'eth_hang', namespace: 'ETH', params: z.tuple([]), handler: () => new Promise(() => undefined) }),
  defineMethod({ name: 'debug_thing', namespace: 'DEBUG', params: z.tuple([]), handler: () => 1 }),
]);

const dispatcher = new RpcDispatcher({
  registry,
  transport: 'http',
  apis: ['eth', 'NET', 'WEB3'],
  maxBatchSize: 3,
  reportInternalError: (method, error) => failures.push([method, error]),
  requestTimeoutMs: 50,
});

async function call(body: unknown) {
  const result = await dispatcher.dispatch(typeof body === 'string' ? body : JSON.stringify(body), { transport: 'http' });
  return { status: result.status, json: result.body === undefined ? undefined : JSON.parse(result.body) };
}

describe('RpcDispatcher', () => {
  it('answers a request and echoes string, number and null ids', async () => {
    for (const id of ['abc', 7, 1.5, null, '']) {
      const { json, status } = await call({ jsonrpc: '2.0', id, method: 'web3_clientVersion' });
      expect(status).toBe(200);
      expect(json).toEqual({ jsonrpc: '2.0', id, result: 'cairn/v0.1.0/test' });
    }
  });

  it('sends nothing for notifications, even failing ones', async () => {
    expect((await call({ jsonrpc: '2.0', method: 'web3_clientVersion' })).json).toBeUndefined();
    expect((await call({ jsonrpc: '2.0', method: 'nope_nope' })).json).toBeUndefined();
    expect((await call([{ jsonrpc: '2.0', method: 'net_version' }])).json).toBeUndefined();
  });

  it('answers malformed JSON with -32700 and status 400', async () => {
    const { json, status } = await call('{"jsonrpc":"2.0",');
    expect(status).toBe(400);
    expect(json.id).toBeNull();
    expect(json.error.code).toBe(-32700);
  });

  it('answers invalid envelopes with -32600', async () => {
    const cases: [unknown, unknown][] = [
      [1, null],
      ['"text"', null],
      [{ jsonrpc: '1.0', id: 4, method: 'net_version' }, 4],
      [{ jsonrpc: '2.0', id: 4 }, 4],
      [{ jsonrpc: '2.0', id: 4, method: '' }, 4],
      [{ jsonrpc: '2.0', id: { a: 1 }, method: 'net_version' }, null],
      [{ jsonrpc: '2.0', id: 4, method: 'net_version', params: 'x' }, 4],
      [{ jsonrpc: '2.0', method: 1, params: 'bar' }, null],
    ];
    for (const [request, id] of cases) {
      const { json } = await call(request);
      expect(json, JSON.stringify(request)).toMatchObject({ jsonrpc: '2.0', id, error: { code: -32600 } });
    }
  });

  it('rejects an empty batch with a single -32600', async () => {
    const { json } = await call([]);
    expect(json).toMatchObject({ id: null, error: { code: -32600, message: 'Invalid Request: empty batch' } });
  });

  it('answers a batch in order, skipping notifications, with an error per invalid item', async () => {
    const { json } = await call([
      { jsonrpc: '2.0', id: 1, method: 'net_version' },
      { jsonrpc: '2.0', method: 'net_version' },
      5,
    ]);
    expect(json).toEqual([
      { jsonrpc: '2.0', id: 1, result: '1337' },
      { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid Request: a request must be a JSON object' } },
    ]);
  });

  it('refuses a batch above the limit with Besu error -32005', async () => {
    const batch = Array.from({ length: 4 }, (_, id) => ({ jsonrpc: '2.0', id, method: 'net_version' }));
    const { json } = await call(batch);
    expect(json).toMatchObject({ id: null, error: { code: -32005 } });
  });

  it('tells unknown methods from methods whose API is not enabled', async () => {
    const unknown = await call({ jsonrpc: '2.0', id: 1, method: 'eth_fooBar' });
    expect(unknown.json.error).toEqual({ code: -32601, message: 'Method not found: eth_fooBar does not exist or is not available' });
    const disabled = await call({ jsonrpc: '2.0', id: 1, method: 'debug_thing' });
    expect(disabled.json.error.code).toBe(-32604);
    expect(disabled.json.error.message).toContain('DEBUG API');
  });

  it('names the bad parameter in -32602', async () => {
    const { json } = await call({ jsonrpc: '2.0', id: 1, method: 'web3_sha3', params: ['0x1'] });
    expect(json.error.code).toBe(-32602);
    expect(json.error.message).toContain('params[0] (data)');
    const missing = await call({ jsonrpc: '2.0', id: 1, method: 'web3_sha3', params: [] });
    expect(missing.json.error.message).toContain('missing value for required argument params[0] (data)');
    const byName = await call({ jsonrpc: '2.0', id: 1, method: 'web3_sha3', params: { data: '0x' } });
    expect(byName.json.error.message).toContain('positional');
  });

  it('answers reverts with code 3 and the revert data', async () => {
    const { json } = await call({ jsonrpc: '2.0', id: 1, method: 'eth_revert' });
    expect(json.error).toEqual({ code: 3, message: 'execution reverted', data: '0xdead' });
  });

  it('passes application errors through with their Besu codes', async () => {
    const { json } = await call({ jsonrpc: '2.0', id: 1, method: 'eth_reject' });
    expect(json.error).toEqual({ code: -32001, message: 'Nonce too low: nonce 1 < 5' });
  });

  it('hides unexpected failures behind -32603 and reports them', async () => {
    failures.length = 0;
    const crash = await call({ jsonrpc: '2.0', id: 1, method: 'eth_crash' });
    expect(crash.json.error).toEqual({ code: -32603, message: 'Internal error' });
    expect(JSON.stringify(crash.json)).not.toContain('secret');
    const bigint = await call([
      { jsonrpc: '2.0', id: 1, method: 'eth_bigint' },
      { jsonrpc: '2.0', id: 2, method: 'net_version' },
    ]);
    expect(bigint.json).toEqual([
      { jsonrpc: '2.0', id: 1, error: { code: -32603, message: 'Internal error' } },
      { jsonrpc: '2.0', id: 2, result: '1337' },
    ]);
    expect(failures.map((f) => (f as unknown[])[0])).toEqual(['eth_crash', 'eth_bigint']);
  });

  it('answers a handler that never finishes with "Timeout expired"', async () => {
    const { json } = await call({ jsonrpc: '2.0', id: 9, method: 'eth_hang' });
    expect(json).toEqual({ jsonrpc: '2.0', id: 9, error: { code: -32603, message: 'Timeout expired' } });
  });

  it('answers net_peerCount without p2p with the p2p-disabled error', async () => {
    const { json } = await call({ jsonrpc: '2.0', id: 1, method: 'net_peerCount' });
    expect(json.error.code).toBe(-32000);
    expect((await call({ jsonrpc: '2.0', id: 1, method: 'net_listening' })).json.result).toBe(false);
  });

  it('tells an observer of each request, naming unregistered methods "unknown"', async () => {
    const seen: [string, string, number][] = [];
    const observed = new RpcDispatcher({
      registry,
      transport: 'http',
      apis: ['ETH', 'NET', 'WEB3'],
      maxBatchSize: 0,
      reportInternalError: () => {},
      observe: (method, outcome, seconds) => seen.push([method, outcome, seconds]),
    });
    await observed.dispatch(
      JSON.stringify([
        { jsonrpc: '2.0', id: 1, method: 'net_version' },
        { jsonrpc: '2.0', id: 2, method: 'eth_revert' },
        { jsonrpc: '2.0', id: 3, method: 'made_up_1' },
        { jsonrpc: '2.0', method: 'made_up_2' },
        { jsonrpc: '2.0', id: 4, method: 'debug_thing' },
      ]),
      { transport: 'http' },
    );
    expect(seen.map(([method, outcome]) => `${method} ${outcome}`).sort()).toEqual([
      'debug_thing error',
      'eth_revert error',
      'net_version ok',
      'unknown error',
      'unknown error',
    ]);
    expect(seen.every(([, , seconds]) => seconds >= 0 && seconds < 1)).toBe(true);
  });
});
