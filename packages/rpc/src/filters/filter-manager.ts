import { randomBytes } from 'node:crypto';
import { equalBytes } from '@cairn/common';
import { RpcErrors } from '../errors/application-errors';
import type { EventSource, Unsubscribe } from '../events/event-source';
import { type HeadEvent, matchesCriteria, type RpcLog } from '../events/rpc-log';
import type { BlockParameter } from '../schemas/block-parameter';
import type { LogFilter } from '../schemas/filter';

/** The event streams poll filters are fed from; a filter type without its source cannot be installed. */
export interface FilterSources {
  readonly heads?: EventSource<HeadEvent>;
  readonly logs?: EventSource<readonly RpcLog[]>;
  readonly pendingTransactions?: EventSource<{ hash(): Uint8Array }>;
}

export interface FilterManagerOptions {
  readonly sources: FilterSources;
  /** A filter not polled for this long is removed (Besu: 10 minutes). */
  readonly idleTimeoutMs?: number;
  /** Installed filters at most, over all clients. */
  readonly maxFilters?: number;
  /** A filter whose unpolled changes pass this count is removed rather than grown without bound. */
  readonly maxChangesPerFilter?: number;
  /** Milliseconds now; injected so tests can move time. */
  readonly now?: () => number;
}

export const FILTER_DEFAULTS = { idleTimeoutMs: 10 * 60 * 1000, maxFilters: 10_000, maxChangesPerFilter: 100_000 } as const;

type Filter =
  | { readonly type: 'block'; changes: Uint8Array[]; lastPoll: number }
  | { readonly type: 'pendingTransaction'; changes: Uint8Array[]; lastPoll: number }
  | { readonly type: 'log'; readonly filter: LogFilter; changes: RpcLog[]; lastPoll: number };

/** What eth_getFilterChanges returns before formatting. */
export type FilterChanges = { type: 'hashes'; hashes: Uint8Array[] } | { type: 'logs'; logs: RpcLog[] };

/** A numeric bound of a filter range; tags other than earliest leave that end open while polling. */
function bound(parameter: BlockParameter | undefined): bigint | undefined {
  if (parameter?.kind === 'number') return parameter.number;
  if (parameter?.kind === 'tag' && parameter.tag === 'earliest') return 0n;
  return undefined;
}

function inRange(log: RpcLog, filter: LogFilter): boolean {
  if (filter.blockHash !== undefined) return equalBytes(filter.blockHash, log.blockHash);
  const from = bound(filter.fromBlock);
  const to = bound(filter.toBlock);
  return (from === undefined || log.blockNumber >= from) && (to === undefined || log.blockNumber <= to);
}

/**
 * The poll filters of eth_newFilter, eth_newBlockFilter and eth_newPendingTransactionFilter:
 * each collects what arrived since its last poll; idle ones expire, their number is capped, and a
 * filter nobody polls cannot grow past `maxChangesPerFilter`.
 */
export class FilterManager {
  readonly #filters = new Map<string, Filter>();
  readonly #idleTimeoutMs: number;
  readonly #maxFilters: number;
  readonly #maxChanges: number;
  readonly #now: () => number;
  readonly #unsubscribes: Unsubscribe[] = [];
  readonly #sweeper: NodeJS.Timeout;
  readonly sources: FilterSources;

  constructor(options: FilterManagerOptions) {
    this.sources = options.sources;
    this.#idleTimeoutMs = options.idleTimeoutMs ?? FILTER_DEFAULTS.idleTimeoutMs;
    this.#maxFilters = options.maxFilters ?? FILTER_DEFAULTS.maxFilters;
    this.#maxChanges = options.maxChangesPerFilter ?? FILTER_DEFAULTS.maxChangesPerFilter;
    this.#now = options.now ?? Date.now;
    const { heads, logs, pendingTransactions } = options.sources;
    if (heads) this.#unsubscribes.push(heads.subscribe((head) => this.#collect('block', head.hash())));
    if (pendingTransactions) this.#unsubscribes.push(pendingTransactions.subscribe((tx) => this.#collect('pendingTransaction', tx.hash())));
    if (logs) this.#unsubscribes.push(logs.subscribe((batch) => this.#collectLogs(batch)));
    this.#sweeper = setInterval(() => this.sweep(), Math.min(this.#idleTimeoutMs, 60_000)).unref();
  }

  newBlockFilter(): string {
    return this.#install({ type: 'block', changes: [], lastPoll: this.#now() });
  }

  newPendingTransactionFilter(): string {
    return this.#install({ type: 'pendingTransaction', changes: [], lastPoll: this.#now() });
  }

  newLogFilter(filter: LogFilter): string {
    return this.#install({ type: 'log', filter, changes: [], lastPoll: this.#now() });
  }

  /** What arrived since the last poll; throws "Filter not found" for unknown or expired ids. */
  changes(id: string): FilterChanges {
    const filter = this.#get(id);
    filter.lastPoll = this.#now();
    if (filter.type === 'log') {
      const logs = filter.changes;
      filter.changes = [];
      return { type: 'logs', logs };
    }
    const hashes = filter.changes;
    filter.changes = [];
    return { type: 'hashes', hashes };
  }

  /** The criteria of a log filter, for eth_getFilterLogs. */
  logFilter(id: string): LogFilter {
    const filter = this.#get(id);
    if (filter.type !== 'log') throw RpcErrors.filterNotFound();
    filter.lastPoll = this.#now();
    return filter.filter;
  }

  uninstall(id: string): boolean {
    return this.#filters.delete(id);
  }

  /** Removes filters idle longer than the timeout; runs on a timer and may be called directly. */
  sweep(): void {
    const now = this.#now();
    for (const [id, filter] of this.#filters) if (now - filter.lastPoll > this.#idleTimeoutMs) this.#filters.delete(id);
  }

  get size(): number {
    return this.#filters.size;
  }

  /** Stops listening to the sources and drops every filter. */
  close(): void {
    clearInterval(this.#sweeper);
    for (const unsubscribe of this.#unsubscribes.splice(0)) unsubscribe();
    this.#filters.clear();
  }

  #install(filter: Filter): string {
    this.sweep();
    if (this.#filters.size >= this.#maxFilters) throw RpcErrors.tooManyFilters(this.#maxFilters);
    const id = `0x${randomBytes(16).toString('hex')}`;
    this.#filters.set(id, filter);
    return id;
  }

  #get(id: string): Filter {
    const filter = this.#filters.get(id);
    if (filter === undefined || this.#now() - filter.lastPoll > this.#idleTimeoutMs) {
      this.#filters.delete(id);
      throw RpcErrors.filterNotFound();
    }
    return filter;
  }

  #collect(type: 'block' | 'pendingTransaction', hash: Uint8Array): void {
    for (const [id, filter] of this.#filters) {
      if (filter.type === type) this.#append(id, filter.changes, hash);
    }
  }

  #collectLogs(logs: readonly RpcLog[]): void {
    for (const [id, filter] of this.#filters) {
      if (filter.type !== 'log') continue;
      for (const log of logs) {
        if (inRange(log, filter.filter) && matchesCriteria(log, filter.filter)) this.#append(id, filter.changes, log);
      }
    }
  }

  #append<T>(id: string, changes: T[], item: T): void {
    if (changes.length >= this.#maxChanges) this.#filters.delete(id);
    else changes.push(item);
  }
}
