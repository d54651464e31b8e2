import { CairnError } from '@cairn/common';

/** The error object of a JSON-RPC 2.0 response. */
export interface JsonRpcErrorObject {
  readonly code: number;
  readonly message: string;
  readonly data?: unknown;
}

/**
 * An error a handler (or the framework) answers a request with. `rpcCode` is the numeric
 * JSON-RPC code and `data` goes into the response unchanged, so it must already be JSON-ready
 * (hex strings, not bytes). Anything else a handler throws becomes -32603 without its details.
 */
export class JsonRpcError extends CairnError {
  readonly rpcCode: number;
  readonly data: unknown;

  constructor(rpcCode: number, message: string, data?: unknown) {
    super('RPC_ERROR', message);
    this.rpcCode = rpcCode;
    this.data = data;
  }

  /**
   * Whether `error` is a JsonRpcError, judged by shape rather than `instanceof` so that an error
   * from a second copy of this package (a bundling accident) is still recognised.
   */
  static is(error: unknown): error is JsonRpcError {
    const candidate = error as Partial<JsonRpcError> | null;
    return (
      typeof candidate === 'object' &&
      candidate !== null &&
      candidate.code === 'RPC_ERROR' &&
      typeof candidate.rpcCode === 'number' &&
      typeof candidate.toJSON === 'function'
    );
  }

  toJSON(): JsonRpcErrorObject {
    return this.data === undefined
      ? { code: this.rpcCode, message: this.message }
      : { code: this.rpcCode, message: this.message, data: this.data };
  }
}

/** The codes JSON-RPC 2.0 itself defines, plus Besu's "method not enabled". */
export const StandardErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  /** Besu: a method that exists but whose API namespace is not enabled on this transport. */
  MethodNotEnabled: -32604,
} as const;

export function parseError(detail?: string): JsonRpcError {
  return new JsonRpcError(StandardErrorCode.ParseError, detail ? `Parse error: ${detail}` : 'Parse error');
}

export function invalidRequest(detail?: string): JsonRpcError {
  return new JsonRpcError(StandardErrorCode.InvalidRequest, detail ? `Invalid Request: ${detail}` : 'Invalid Request');
}

export function methodNotFound(method: string): JsonRpcError {
  return new JsonRpcError(StandardErrorCode.MethodNotFound, `Method not found: ${method} does not exist or is not available`);
}

export function methodNotEnabled(method: string, namespace: string, transport: string): JsonRpcError {
  return new JsonRpcError(
    StandardErrorCode.MethodNotEnabled,
    `Method not enabled: ${method} belongs to the ${namespace} API, which is not enabled on ${transport}`,
  );
}

export function invalidParams(detail: string): JsonRpcError {
  return new JsonRpcError(StandardErrorCode.InvalidParams, `Invalid params: ${detail}`);
}

export function internalError(): JsonRpcError {
  return new JsonRpcError(StandardErrorCode.InternalError, 'Internal error');
}
