import { createPublicClient, http, webSocket } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatClientVersion, MethodRegistry, netMethods, RpcServer, web3Methods } from '../src/index';

const clientVersion = formatClientVersion('0.1.0');
const server = new RpcServer({
  registry: new MethodRegistry([...web3Methods({ clientVersion }), ...netMethods({ networkId: () => 1337n })]),
  http: { port: 0 },
  ws: { port: 0 },
});

beforeAll(() => server.start());
afterAll(() => server.stop());

describe('a third-party client (viem)', () => {
  it('calls web3_clientVersion, net_version and web3_sha3 over HTTP', async () => {
    const client = createPublicClient({ transport: http(server.httpUrl) });
    expect(await client.request({ method: 'web3_clientVersion' })).toBe(clientVersion);
    expect(await client.request({ method: 'net_version' })).toBe('1337');
    expect(await client.request({ method: 'web3_sha3', params: ['0x68656c6c6f'] })).toBe(
      '0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8',
    );
  });

  it('sees JSON-RPC errors as viem errors with their codes', async () => {
    const client = createPublicClient({ transport: http(server.httpUrl, { retryCount: 0 }) });
    await expect(client.request({ method: 'web3_sha3', params: ['0x1'] } as never)).rejects.toMatchObject({ code: -32602 });
    await expect(client.request({ method: 'eth_blockNumber' })).rejects.toMatchObject({ code: -32601 });
  });

  it('calls web3_clientVersion and net_version over WebSocket', async () => {
    const transport = webSocket(server.wsUrl);
    const client = createPublicClient({ transport });
    expect(await client.request({ method: 'web3_clientVersion' })).toBe(clientVersion);
    expect(await client.request({ method: 'net_version' })).toBe('1337');
    const { socket } = await client.transport.getRpcClient();
    socket.close();
  });
});
