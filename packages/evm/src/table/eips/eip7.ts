import { Op } from '../../opcodes/opcodes';
import { defineOp } from '../edit';
import type { TableBuilder } from '../instruction-table';

/** EIP-7 (Homestead): DELEGATECALL. */
export function enable7(b: TableBuilder): void {
  defineOp(b, Op.DELEGATECALL, 40);
}
