import { ValueError } from '@cairn/common';
import type { RpcMethod } from './method';

/**
 * Every method the node offers, by name. The node registers a method only once the backend it
 * needs exists, so the registry is also the list of what this node supports; which of them a
 * transport serves is decided there by its API list.
 */
export class MethodRegistry {
  readonly #methods = new Map<string, RpcMethod>();

  constructor(methods: Iterable<RpcMethod> = []) {
    for (const method of methods) this.register(method);
  }

  register(...methods: RpcMethod[]): this {
    for (const method of methods) {
      if (this.#methods.has(method.name)) throw new ValueError(`RPC method ${method.name} is registered twice`);
      this.#methods.set(method.name, method);
    }
    return this;
  }

  get(name: string): RpcMethod | undefined {
    return this.#methods.get(name);
  }

  /** Names of every registered method, sorted. */
  names(): string[] {
    return [...this.#methods.keys()].sort();
  }

  /** The API namespaces the registered methods belong to. */
  namespaces(): Set<string> {
    return new Set([...this.#methods.values()].map((m) => m.namespace));
  }
}
