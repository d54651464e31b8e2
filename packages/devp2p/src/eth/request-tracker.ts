import type { RlpValue } from '@cairn/common';
import { RequestError } from '../errors';

interface Pending {
  readonly responseCode: number;
  readonly resolve: (payload: RlpValue) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Outbound requests to one peer, matched to answers by request id (eth/66+). At most
 * `maxInFlight` are outstanding; more wait their turn, so callers can issue freely without
 * flooding a peer. Each times out after `timeoutMs`; answers that come later are ignored.
 */
export class RequestTracker {
  private readonly pending = new Map<bigint, Pending>();
  private readonly waiting: (() => void)[] = [];
  private nextId = 1n;
  private closedWith: Error | undefined;
  private readonly maxInFlight: number;
  private readonly timeoutMs: number;

  constructor(maxInFlight: number, timeoutMs: number) {
    this.maxInFlight = maxInFlight;
    this.timeoutMs = timeoutMs;
  }

  /** Sends a request through `send` once a slot is free, and resolves with the answer's payload. */
  async request(responseCode: number, send: (requestId: bigint) => void): Promise<RlpValue> {
    while (this.pending.size >= this.maxInFlight && !this.closedWith) await new Promise<void>((r) => this.waiting.push(r));
    if (this.closedWith) throw this.closedWith;
    const requestId = this.nextId++;
    return new Promise<RlpValue>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.settle(requestId);
        reject(new RequestError('REQUEST_TIMEOUT', `no answer to request ${requestId} in ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.pending.set(requestId, { responseCode, resolve, reject, timer });
      send(requestId);
    });
  }

  /** Delivers an answer; false when no request with this id and answer type is outstanding. */
  deliver(requestId: bigint, responseCode: number, payload: RlpValue): boolean {
    const entry = this.pending.get(requestId);
    if (!entry || entry.responseCode !== responseCode) return false;
    this.settle(requestId);
    entry.resolve(payload);
    return true;
  }

  /** Fails every outstanding and waiting request (the peer is gone). */
  close(error: Error): void {
    this.closedWith = error;
    for (const [id, entry] of [...this.pending]) {
      this.settle(id);
      entry.reject(error);
    }
    for (const wake of this.waiting.splice(0)) wake();
  }

  private settle(requestId: bigint): void {
    const entry = this.pending.get(requestId);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(requestId);
    this.waiting.shift()?.();
  }
}
