import { blobbasefee } from '../../opcodes/handlers/environment';
import { defineOp } from '../edit';
import type { TableBuilder } from '../instruction-table';

/** EIP-7516 (Cancun): BLOBBASEFEE. */
export function enable7516(b: TableBuilder): void {
  defineOp(b, 0x4a, 2, blobbasefee);
}
