import { revert } from '../../opcodes/handlers/flow';
import { Op } from '../../opcodes/opcodes';
import { defineOp } from '../edit';
import type { TableBuilder } from '../instruction-table';

/** EIP-140 (Byzantium): REVERT. */
export function enable140(b: TableBuilder): void {
  defineOp(b, Op.REVERT, 0, revert);
}
