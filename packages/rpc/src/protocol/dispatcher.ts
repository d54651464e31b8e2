import { RpcErrors } from '../errors/application-errors';
import {
  internalError,
  invalidRequest,
  JsonRpcError,
  methodNotEnabled,
  methodNotFound,
  parseError,
  StandardErrorCode,
} from '../errors/json-rpc-error';
import type { RequestContext, RpcMethod, Transport } from '../registry/method';
import { parseParams } from '../registry/params';
import type { MethodRegistry } from '../registry/registry';
import { errorResponse, type ParsedRequest, readEnvelope, successResponse } from './envelope';

/** Where a handler's unexpected failure is reported; the client only sees -32603. */
export type InternalErrorReporter = (method: string, error: unknown) => void;

/**
 * Told of every request once it is answered (metrics): the method name (`unknown` for names not
 * registered, so that a flood of made-up names cannot grow a metric's label set), whether it
 * succeeded, and the seconds it took.
 */
export type RequestObserver = (method: string, outcome: 'ok' | 'error', seconds: number) => void;

export interface DispatcherOptions {
  readonly registry: MethodRegistry;
  readonly transport: Transport;
  /** API namespaces enabled on this transport, any case (`ETH`, `net`, …). */
  readonly apis: readonly string[];
  /** Largest batch served; 0 for no limit. */
  readonly maxBatchSize: number;
  readonly reportInternalError: InternalErrorReporter;
  /** A handler still running after this long is answered with -32603 "Timeout expired" (Besu: 30 s). */
  readonly requestTimeoutMs?: number;
  readonly observe?: RequestObserver;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** What a transport sends back: nothing (only notifications), or a body and its HTTP status. */
export interface DispatchResult {
  readonly body?: string;
  /** 400 when the whole body was unparseable or an invalid single request (as Besu answers), else 200. */
  readonly status: 200 | 400;
}

/**
 * Executes JSON-RPC 2.0 text for one transport: single and batch requests, notifications,
 * envelope errors, the batch limit, method lookup against the enabled APIs, parameter parsing and
 * the mapping of handler failures to error responses. Each response is serialised on its own, so
 * one result that cannot be serialised fails only its own request.
 */
export class RpcDispatcher {
  readonly #options: DispatcherOptions;
  readonly #apis: ReadonlySet<string>;

  constructor(options: DispatcherOptions) {
    this.#options = options;
    this.#apis = new Set(options.apis.map((api) => api.toUpperCase()));
  }

  async dispatch(text: string, context: RequestContext): Promise<DispatchResult> {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return { body: errorResponse(null, parseError((error as Error).message).toJSON()), status: 400 };
    }
    if (!Array.isArray(body)) {
      const envelope = readEnvelope(body);
      if ('error' in envelope) return { body: errorResponse(envelope.id, envelope.error.toJSON()), status: 400 };
      const response = await this.#execute(envelope, context);
      return response === undefined ? { status: 200 } : { body: response, status: 200 };
    }
    if (body.length === 0) return { body: errorResponse(null, invalidRequest('empty batch').toJSON()), status: 400 };
    const limit = this.#options.maxBatchSize;
    if (limit > 0 && body.length > limit) {
      return { body: errorResponse(null, RpcErrors.exceedsMaxBatchSize(limit).toJSON()), status: 200 };
    }
    const responses = await Promise.all(
      body.map((item) => {
        const envelope = readEnvelope(item);
        return 'error' in envelope ? errorResponse(envelope.id, envelope.error.toJSON()) : this.#execute(envelope, context);
      }),
    );
    const sent = responses.filter((r): r is string => r !== undefined);
    return sent.length === 0 ? { status: 200 } : { body: `[${sent.join(',')}]`, status: 200 };
  }

  #lookup(name: string): RpcMethod | JsonRpcError {
    const method = this.#options.registry.get(name);
    if (method === undefined) return methodNotFound(name);
    if (!this.#apis.has(method.namespace.toUpperCase())) {
      return methodNotEnabled(name, method.namespace.toUpperCase(), this.#options.transport.toUpperCase());
    }
    if (method.transports !== undefined && !method.transports.includes(this.#options.transport)) {
      return new JsonRpcError(
        StandardErrorCode.MethodNotFound,
        `Method not found: ${name} needs a ${method.transports.map((t) => t.toUpperCase()).join(' or ')} connection`,
      );
    }
    return method;
  }

  async #execute(request: ParsedRequest, context: RequestContext): Promise<string | undefined> {
    const started = this.#options.observe && process.hrtime.bigint();
    const response = await this.#answer(request, context);
    if (started) {
      const name = this.#options.registry.get(request.method) === undefined ? 'unknown' : request.method;
      this.#options.observe!(name, response.ok ? 'ok' : 'error', Number(process.hrtime.bigint() - started) / 1e9);
    }
    return request.isNotification ? undefined : response.body;
  }

  async #answer(request: ParsedRequest, context: RequestContext): Promise<{ ok: boolean; body: string }> {
    const id = request.id ?? null;
    let result: unknown;
    try {
      const method = this.#lookup(request.method);
      if (JsonRpcError.is(method)) throw method;
      result = await this.#withTimeout(method.handler(parseParams(method.params, request.params), context));
    } catch (error) {
      return { ok: false, body: errorResponse(id, this.#toError(request.method, error).toJSON()) };
    }
    try {
      return { ok: true, body: successResponse(id, result) };
    } catch (error) {
      return { ok: false, body: errorResponse(id, this.#toError(request.method, error).toJSON()) };
    }
  }

  /** Bounds a handler's time; a late result is dropped (JavaScript cannot cancel the handler itself). */
  #withTimeout(value: unknown): Promise<unknown> {
    if (!(value instanceof Promise)) return Promise.resolve(value);
    const timeoutMs = this.#options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new JsonRpcError(StandardErrorCode.InternalError, 'Timeout expired')), timeoutMs);
    });
    return Promise.race([value, timeout]).finally(() => clearTimeout(timer));
  }

  #toError(method: string, error: unknown): JsonRpcError {
    if (JsonRpcError.is(error)) return error;
    this.#options.reportInternalError(method, error);
    return internalError();
  }
}
