import { selfbalance } from '../../opcodes/handlers/environment';
import { defineOp, reprice } from '../edit';
import type { TableBuilder } from '../instruction-table';

/** EIP-1884 (Istanbul): BALANCE 700, SLOAD 800, EXTCODEHASH 700, and SELFBALANCE. */
export function enable1884(b: TableBuilder): void {
  reprice(b, 0x31, 700);
  reprice(b, 0x54, 800);
  reprice(b, 0x3f, 700);
  defineOp(b, 0x47, 5, selfbalance);
}
