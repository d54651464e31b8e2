import { prevrandao } from '../../opcodes/handlers/environment';
import { defineOp } from '../edit';
import type { TableBuilder } from '../instruction-table';

/** EIP-4399 (Paris): opcode 0x44 returns the beacon chain's randomness instead of the difficulty. */
export function enable4399(b: TableBuilder): void {
  defineOp(b, 0x44, 2, prevrandao);
}
