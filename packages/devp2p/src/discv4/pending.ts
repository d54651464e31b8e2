import { RequestError } from '../errors';

/**
 * Replies awaited from discovery peers, keyed by what the reply will carry (a ping hash, an ENR
 * request hash, or the node id a Neighbors answer comes from). Each wait ends by reply or timeout.
 */
export class PendingReplies<T> {
  private readonly waits = new Map<string, { resolve: (v: T) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();

  /** Waits for a reply under `key`; on timeout, `onTimeout` may still produce a value. */
  wait(key: string, timeoutMs: number, what: string, onTimeout?: () => T | undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waits.delete(key);
        const fallback = onTimeout?.();
        if (fallback !== undefined) resolve(fallback);
        else reject(new RequestError('REQUEST_TIMEOUT', `no ${what} in ${timeoutMs} ms`));
      }, timeoutMs);
      this.waits.set(key, { resolve, reject, timer });
    });
  }

  has(key: string): boolean {
    return this.waits.has(key);
  }

  /** Ends the wait under `key` with `value`; false when nothing waited for it. */
  resolve(key: string, value: T): boolean {
    const w = this.waits.get(key);
    if (!w) return false;
    clearTimeout(w.timer);
    this.waits.delete(key);
    w.resolve(value);
    return true;
  }

  rejectAll(error: Error): void {
    for (const w of this.waits.values()) {
      clearTimeout(w.timer);
      w.reject(error);
    }
    this.waits.clear();
  }
}
