import { basefee } from '../../opcodes/handlers/environment';
import { defineOp } from '../edit';
import type { TableBuilder } from '../instruction-table';

/** EIP-3198 (London): BASEFEE. */
export function enable3198(b: TableBuilder): void {
  defineOp(b, 0x48, 2, basefee);
}
