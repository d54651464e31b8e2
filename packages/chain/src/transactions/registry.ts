import { DecodeError } from '../errors';
import { accessListTransactionType } from './eip2930';
import { feeMarketTransactionType } from './eip1559';
import { blobTransactionType } from './eip4844';
import { legacyTransactionType } from './legacy';
import type { TransactionType } from './types';

/**
 * The transaction types a node understands, by type byte. Immutable: `with` returns a new
 * registry, so that a plugin adds its type where the node is composed and nothing else changes.
 */
export class TransactionTypeRegistry {
  readonly #types: ReadonlyMap<number, TransactionType>;

  constructor(types: Iterable<TransactionType>) {
    const map = new Map<number, TransactionType>();
    for (const kind of types) {
      if (!Number.isInteger(kind.type) || kind.type < 0 || kind.type > 0x7f) throw new RangeError(`transaction type ${kind.type} is not in 0x00-0x7f`);
      if (map.has(kind.type)) throw new RangeError(`transaction type ${kind.type} is registered twice`);
      map.set(kind.type, kind);
    }
    this.#types = map;
  }

  /** A registry with `types` added, replacing any registered under the same type byte. */
  with(...types: TransactionType[]): TransactionTypeRegistry {
    const replaced = new Set(types.map((t) => t.type));
    return new TransactionTypeRegistry([...[...this.#types.values()].filter((t) => !replaced.has(t.type)), ...types]);
  }

  /** The type registered under `type`, or a `DecodeError` (`UNKNOWN_TX_TYPE`). */
  get(type: number): TransactionType {
    const kind = this.#types.get(type);
    if (!kind) throw new DecodeError('UNKNOWN_TX_TYPE', 'type', `transaction type 0x${type.toString(16).padStart(2, '0')} is not known`);
    return kind;
  }

  has(type: number): boolean {
    return this.#types.has(type);
  }

  /** Every registered type, by type byte. */
  types(): TransactionType[] {
    return [...this.#types.values()].sort((a, b) => a.type - b.type);
  }
}

/** Legacy, EIP-2930, EIP-1559 and EIP-4844 transactions: every type up to Cancun. */
export const DEFAULT_TRANSACTION_TYPES = new TransactionTypeRegistry([
  legacyTransactionType,
  accessListTransactionType,
  feeMarketTransactionType,
  blobTransactionType,
]);
