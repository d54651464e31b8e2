import { pushConstant } from '../../opcodes/handlers/stack-ops';
import { Op } from '../../opcodes/opcodes';
import { defineOp } from '../edit';
import type { TableBuilder } from '../instruction-table';

/** EIP-3855 (Shanghai): PUSH0. */
export function enable3855(b: TableBuilder): void {
  defineOp(b, Op.PUSH0, 2, pushConstant);
}
