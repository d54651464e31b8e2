import type { TableBuilder } from '../instruction-table';

/** EIP-170 (Spurious Dragon): deployed code is at most 24576 bytes. */
export function enable170(b: TableBuilder): void {
  b.create = { ...b.create, maxCodeSize: 24576 };
}
