import { Op } from '../../opcodes/opcodes';
import { defineOp } from '../edit';
import type { TableBuilder } from '../instruction-table';

/** EIP-1014 (Constantinople): CREATE2. */
export function enable1014(b: TableBuilder): void {
  defineOp(b, Op.CREATE2, 32000);
}
