import type { z } from 'zod';
import type { Unsubscribe } from '../events/event-source';

/**
 * One kind of eth_subscribe subscription (`newHeads`, `logs`, …): the schema of its optional
 * second parameter and how to start it. `start` calls `emit` with each JSON-ready result and
 * returns the function that stops it. Consensus packages can add kinds of their own.
 */
export interface SubscriptionKind {
  readonly name: string;
  /** The optional second parameter of eth_subscribe; a kind without one refuses any. */
  readonly options?: z.ZodType;
  start(options: unknown, emit: (result: unknown) => void): Unsubscribe;
}
