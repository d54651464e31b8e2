import type { z } from 'zod';

/** The transports a request can arrive on. */
export type Transport = 'http' | 'ws';

/** What a WebSocket connection offers the handlers that run on it (subscriptions). */
export interface ConnectionContext {
  /** Unique per server run; subscriptions and filters are keyed by it. */
  readonly id: number;
  /** Sends a JSON-RPC notification (no id) to this connection. */
  notify(method: string, params: unknown): void;
  /** Runs `cleanup` when the connection closes (at once if it already has). */
  onClose(cleanup: () => void): void;
}

/** Per-request context handed to every handler next to its parsed parameters. */
export interface RequestContext {
  readonly transport: Transport;
  /** Present on WebSocket requests only. */
  readonly connection?: ConnectionContext;
}

/** Positional parameters: a zod tuple whose items may be `.optional()` at the end. */
export type ParamsSchema = z.ZodTuple<readonly z.ZodType[], null>;

/**
 * One JSON-RPC method: its name, the API namespace that enables it (`ETH`, `NET`, `WEB3`, …),
 * the zod tuple of its positional parameters, and the handler. A handler returns JSON-ready
 * values (hex strings, not bigint or bytes) and throws `JsonRpcError` for answers that are errors.
 * Its dependencies come from the factory that built it, never from globals.
 */
export interface RpcMethod<P extends ParamsSchema = ParamsSchema> {
  readonly name: string;
  readonly namespace: string;
  readonly params: P;
  /** Transports that can serve it; all when absent (subscriptions need a WebSocket). */
  readonly transports?: readonly Transport[];
  handler(params: z.output<P>, context: RequestContext): unknown;
}

/** Type-checks a method definition so that the handler sees its parameters' parsed types. */
export function defineMethod<P extends ParamsSchema>(method: RpcMethod<P>): RpcMethod {
  return method as unknown as RpcMethod;
}
