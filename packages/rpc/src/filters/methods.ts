import { bytesToHex } from '@cairn/common';
import { z } from 'zod';
import type { LogQuery } from '../chain/log-query';
import { formatLog } from '../events/rpc-log';
import { defineMethod, type RpcMethod } from '../registry/method';
import { LogFilterSchema } from '../schemas/filter';
import type { FilterManager } from './filter-manager';

const FilterId = z.string().max(100).describe('filter id');

/**
 * The poll-filter methods the manager's sources allow: eth_newBlockFilter needs heads,
 * eth_newPendingTransactionFilter pending transactions, eth_newFilter logs, and eth_getFilterLogs
 * also the chain's log query.
 */
export function filterMethods(manager: FilterManager, logs?: LogQuery): RpcMethod[] {
  const methods: RpcMethod[] = [];
  if (manager.sources.heads) {
    methods.push(defineMethod({ name: 'eth_newBlockFilter', namespace: 'ETH', params: z.tuple([]), handler: () => manager.newBlockFilter() }));
  }
  if (manager.sources.pendingTransactions) {
    methods.push(
      defineMethod({
        name: 'eth_newPendingTransactionFilter',
        namespace: 'ETH',
        params: z.tuple([]),
        handler: () => manager.newPendingTransactionFilter(),
      }),
    );
  }
  if (manager.sources.logs) {
    methods.push(
      defineMethod({
        name: 'eth_newFilter',
        namespace: 'ETH',
        params: z.tuple([LogFilterSchema.describe('filter')]),
        handler: ([filter]) => manager.newLogFilter(filter),
      }),
    );
  }
  if (manager.sources.logs && logs) {
    methods.push(
      defineMethod({
        name: 'eth_getFilterLogs',
        namespace: 'ETH',
        params: z.tuple([FilterId]),
        handler: async ([id]) => (await logs.logs(manager.logFilter(id))).map(formatLog),
      }),
    );
  }
  if (methods.length === 0) return methods;
  methods.push(
    defineMethod({
      name: 'eth_getFilterChanges',
      namespace: 'ETH',
      params: z.tuple([FilterId]),
      handler: ([id]) => {
        const changes = manager.changes(id);
        return changes.type === 'logs' ? changes.logs.map(formatLog) : changes.hashes.map(bytesToHex);
      },
    }),
    defineMethod({
      name: 'eth_uninstallFilter',
      namespace: 'ETH',
      params: z.tuple([FilterId]),
      handler: ([id]) => manager.uninstall(id),
    }),
  );
  return methods;
}
