import { z } from 'zod';
import { RpcErrors } from '../errors/application-errors';
import { defineMethod, type RpcMethod } from '../registry/method';
import type { SubscriptionManager } from './subscription-manager';

/** eth_subscribe and eth_unsubscribe, served only on WebSocket connections. */
export function subscriptionMethods(manager: SubscriptionManager): RpcMethod[] {
  return [
    defineMethod({
      name: 'eth_subscribe',
      namespace: 'ETH',
      transports: ['ws'],
      params: z.tuple([z.string().describe('subscription'), z.unknown().optional().describe('options')]),
      handler: ([kind, options], context) => manager.subscribe(context.connection!, kind, options),
    }),
    defineMethod({
      name: 'eth_unsubscribe',
      namespace: 'ETH',
      transports: ['ws'],
      params: z.tuple([z.string().describe('subscription id')]),
      handler: ([id], context) => {
        if (!manager.unsubscribe(context.connection!, id)) throw RpcErrors.subscriptionNotFound();
        return true;
      },
    }),
  ];
}
