import { randomBytes } from 'node:crypto';
import { RpcErrors } from '../errors/application-errors';
import { invalidParams } from '../errors/json-rpc-error';
import type { Unsubscribe } from '../events/event-source';
import type { ConnectionContext } from '../registry/method';
import { parseParam } from '../registry/params';
import type { SubscriptionKind } from './subscription-kind';

export interface SubscriptionManagerOptions {
  /** The kinds the node has event sources for; only these can be subscribed to. */
  readonly kinds: readonly SubscriptionKind[];
  /** Active subscriptions one connection may hold. */
  readonly maxPerConnection: number;
}

/**
 * eth_subscribe's state: subscriptions per WebSocket connection, each with a random id, a cap
 * per connection, and clean-up when the connection closes, so a client that floods subscriptions
 * is refused past the cap and leaves nothing behind when it goes.
 */
export class SubscriptionManager {
  readonly #kinds: ReadonlyMap<string, SubscriptionKind>;
  readonly #maxPerConnection: number;
  /** connection id → subscription id → stop. */
  readonly #byConnection = new Map<number, Map<string, Unsubscribe>>();

  constructor(options: SubscriptionManagerOptions) {
    this.#kinds = new Map(options.kinds.map((k) => [k.name, k]));
    this.#maxPerConnection = options.maxPerConnection;
  }

  /** Names of the kinds that can be subscribed to. */
  get kindNames(): string[] {
    return [...this.#kinds.keys()];
  }

  /** Starts a subscription for `connection` and returns its id. */
  subscribe(connection: ConnectionContext, kindName: string, rawOptions: unknown): string {
    const kind = this.#kinds.get(kindName);
    if (kind === undefined) {
      throw invalidParams(`params[0] (subscription): unknown subscription type ${JSON.stringify(kindName)}; available: ${this.kindNames.join(', ')}`);
    }
    if (kind.options === undefined && rawOptions !== undefined && rawOptions !== null) {
      throw invalidParams(`params[1] (options): the ${kind.name} subscription takes no options`);
    }
    const options = kind.options === undefined ? undefined : parseParam(kind.options.optional().describe('options'), 1, rawOptions);
    const subscriptions = this.#subscriptionsOf(connection);
    if (subscriptions.size >= this.#maxPerConnection) throw RpcErrors.tooManySubscriptions(this.#maxPerConnection);
    const id = `0x${randomBytes(16).toString('hex')}`;
    const stop = kind.start(options, (result) => connection.notify('eth_subscription', { subscription: id, result }));
    subscriptions.set(id, stop);
    return id;
  }

  /** Stops one of `connection`'s subscriptions; false when it has none with that id. */
  unsubscribe(connection: ConnectionContext, id: string): boolean {
    const subscriptions = this.#byConnection.get(connection.id);
    const stop = subscriptions?.get(id);
    if (stop === undefined) return false;
    subscriptions!.delete(id);
    stop();
    return true;
  }

  /** Active subscriptions of a connection. */
  count(connectionId: number): number {
    return this.#byConnection.get(connectionId)?.size ?? 0;
  }

  /** Active subscriptions over all connections. */
  get total(): number {
    let total = 0;
    for (const subscriptions of this.#byConnection.values()) total += subscriptions.size;
    return total;
  }

  #subscriptionsOf(connection: ConnectionContext): Map<string, Unsubscribe> {
    let subscriptions = this.#byConnection.get(connection.id);
    if (subscriptions === undefined) {
      subscriptions = new Map();
      this.#byConnection.set(connection.id, subscriptions);
      connection.onClose(() => this.#closeConnection(connection.id));
    }
    return subscriptions;
  }

  #closeConnection(connectionId: number): void {
    const subscriptions = this.#byConnection.get(connectionId);
    this.#byConnection.delete(connectionId);
    for (const stop of subscriptions?.values() ?? []) stop();
  }
}
