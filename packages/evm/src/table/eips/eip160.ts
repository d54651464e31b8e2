import { makeExp } from '../../opcodes/handlers/arithmetic';
import { Op } from '../../opcodes/opcodes';
import { defineOp } from '../edit';
import type { TableBuilder } from '../instruction-table';

/** EIP-160 (Spurious Dragon): EXP costs 50 per exponent byte. */
export function enable160(b: TableBuilder): void {
  defineOp(b, Op.EXP, 10, makeExp(50));
}
