import { Op } from '../../opcodes/opcodes';
import { defineOp } from '../edit';
import type { TableBuilder } from '../instruction-table';

/** EIP-214 (Byzantium): STATICCALL. */
export function enable214(b: TableBuilder): void {
  defineOp(b, Op.STATICCALL, 700);
}
