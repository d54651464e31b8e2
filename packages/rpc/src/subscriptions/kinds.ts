import type { Transaction } from '@cairn/chain';
import { bytesToHex } from '@cairn/common';
import { z } from 'zod';
import type { EventSource } from '../events/event-source';
import { formatLog, matchesCriteria, type RpcLog } from '../events/rpc-log';
import { formatSyncStatus, type SyncStatus } from '../events/sync-status';
import { LogCriteriaSchema, type LogCriteria } from '../schemas/filter';
import { formatTransaction } from '../format/transaction';
import type { SubscriptionKind } from './subscription-kind';

/** `newHeads`: every new canonical head, in the JSON shape `format` gives it. */
export function newHeadsKind<H>(source: EventSource<H>, format: (head: H) => unknown): SubscriptionKind {
  return { name: 'newHeads', start: (_options, emit) => source.subscribe((head) => emit(format(head))) };
}

/**
 * `logs`: each log of each new block that matches the address and topic filter, one notification
 * per log; logs of blocks a reorg removed come again with `removed: true`.
 */
export function logsKind(source: EventSource<readonly RpcLog[]>): SubscriptionKind {
  return {
    name: 'logs',
    options: LogCriteriaSchema,
    start: (options, emit) => {
      const criteria = (options as LogCriteria | undefined) ?? { addresses: [], topics: [] };
      return source.subscribe((logs) => {
        for (const log of logs) if (matchesCriteria(log, criteria)) emit(formatLog(log));
      });
    },
  };
}

/**
 * `newPendingTransactions`: each transaction entering the pool, as its hash or, with geth's
 * `true` flag, as a full transaction object.
 */
export function newPendingTransactionsKind(source: EventSource<Transaction>): SubscriptionKind {
  return {
    name: 'newPendingTransactions',
    options: z.boolean(),
    start: (full, emit) => source.subscribe((tx) => emit(full === true ? formatTransaction(tx) : bytesToHex(tx.hash()))),
  };
}

/** `syncing`: the sync progress object while syncing, false when sync stops (Besu's shape). */
export function syncingKind(source: EventSource<SyncStatus | null>): SubscriptionKind {
  return { name: 'syncing', start: (_options, emit) => source.subscribe((status) => emit(formatSyncStatus(status))) };
}
