/** Stops a listener. */
export type Unsubscribe = () => void;

/**
 * A stream of events the node feeds the RPC layer through (new heads, logs, pending
 * transactions, sync status): the narrow interface subscriptions and poll filters depend on.
 */
export interface EventSource<T> {
  subscribe(listener: (event: T) => void): Unsubscribe;
}

/**
 * A minimal synchronous EventSource the node can publish into. A listener that throws is
 * isolated: the others still run, and the error goes to `onListenerError`.
 */
export class EventChannel<T> implements EventSource<T> {
  readonly #listeners = new Set<(event: T) => void>();
  readonly #onListenerError: (error: unknown) => void;

  constructor(onListenerError: (error: unknown) => void = (error) => console.error('RPC event listener failed:', error)) {
    this.#onListenerError = onListenerError;
  }

  subscribe(listener: (event: T) => void): Unsubscribe {
    // Wrapped so the same function may subscribe twice and each unsubscribe removes one.
    const entry = (event: T) => listener(event);
    this.#listeners.add(entry);
    return () => this.#listeners.delete(entry);
  }

  emit(event: T): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.#onListenerError(error);
      }
    }
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }
}
