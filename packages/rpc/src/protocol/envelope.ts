import { invalidRequest, type JsonRpcError, type JsonRpcErrorObject } from '../errors/json-rpc-error';

/** A request id as JSON-RPC 2.0 allows it: a string, a number or null. */
export type RequestId = string | number | null;

/** A request that passed the envelope checks; `id` is absent for notifications. */
export interface ParsedRequest {
  readonly method: string;
  readonly params: unknown;
  readonly id?: RequestId;
  readonly isNotification: boolean;
}

/**
 * The envelope was invalid; `id` is the request's own when it could be read, else null. Such a
 * request is answered even without an id, as the JSON-RPC 2.0 examples show.
 */
export interface InvalidEnvelope {
  readonly error: JsonRpcError;
  readonly id: RequestId;
}

function isValidId(id: unknown): id is RequestId {
  return id === null || typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));
}

/** Checks one request object of a single or batch call against JSON-RPC 2.0. */
export function readEnvelope(value: unknown): ParsedRequest | InvalidEnvelope {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { error: invalidRequest('a request must be a JSON object'), id: null };
  }
  const request = value as Record<string, unknown>;
  const hasId = Object.hasOwn(request, 'id');
  if (hasId && !isValidId(request.id)) {
    return { error: invalidRequest('id must be a string, a number or null'), id: null };
  }
  const id = hasId ? (request.id as RequestId) : null;
  if (request.jsonrpc !== '2.0') return { error: invalidRequest('jsonrpc must be exactly "2.0"'), id };
  if (typeof request.method !== 'string' || request.method.length === 0) {
    return { error: invalidRequest('method must be a non-empty string'), id };
  }
  const params = request.params;
  if (params !== undefined && (params === null || typeof params !== 'object')) {
    return { error: invalidRequest('params must be an array or an object'), id };
  }
  return hasId ? { method: request.method, params, id, isNotification: false } : { method: request.method, params, isNotification: true };
}

/** One response object, serialised. */
export function successResponse(id: RequestId, result: unknown): string {
  return JSON.stringify({ jsonrpc: '2.0', id, result: result === undefined ? null : result });
}

export function errorResponse(id: RequestId, error: JsonRpcErrorObject): string {
  return JSON.stringify({ jsonrpc: '2.0', id, error });
}

/** A notification a server sends on its own, such as a subscription's `eth_subscription`. */
export function notificationMessage(method: string, params: unknown): string {
  return JSON.stringify({ jsonrpc: '2.0', method, params });
}
