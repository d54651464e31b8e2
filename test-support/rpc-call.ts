/** A JSON-RPC response as it came. */
export interface RpcResponse {
  readonly result?: unknown;
  readonly error?: { code: number; message: string; data?: unknown };
}

/** One JSON-RPC request over HTTP, with the response as the server sent it (no client library in between). */
export async function rpcCall(url: string, method: string, params: unknown[] = []): Promise<RpcResponse> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  return (await response.json()) as RpcResponse;
}
