import { z } from 'zod';
import type { LogQuery } from '../chain/log-query';
import { formatLog } from '../events/rpc-log';
import { defineMethod, type RpcMethod } from '../registry/method';
import { LogFilterSchema } from '../schemas/filter';

/** eth_getLogs over the node's log query. */
export function ethLogsMethods(logs: LogQuery): RpcMethod[] {
  return [
    defineMethod({
      name: 'eth_getLogs',
      namespace: 'ETH',
      params: z.tuple([LogFilterSchema.describe('filter')]),
      handler: async ([filter]) => (await logs.logs(filter)).map(formatLog),
    }),
  ];
}
