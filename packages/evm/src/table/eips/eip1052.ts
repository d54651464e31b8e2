import { defineOp } from '../edit';
import type { TableBuilder } from '../instruction-table';

/** EIP-1052 (Constantinople): EXTCODEHASH. */
export function enable1052(b: TableBuilder): void {
  defineOp(b, 0x3f, 400);
}
