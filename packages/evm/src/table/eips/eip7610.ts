import type { TableBuilder } from '../instruction-table';

/**
 * EIP-7610 (applied to every fork): creating a contract where an account has non-empty storage
 * is a collision, as where one has a nonce or code.
 */
export function enable7610(b: TableBuilder): void {
  b.create = { ...b.create, storageCollides: true };
}
