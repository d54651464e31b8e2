import { mcopy } from '../../opcodes/handlers/memory-ops';
import { defineOp } from '../edit';
import type { TableBuilder } from '../instruction-table';

/** EIP-5656 (Cancun): MCOPY. */
export function enable5656(b: TableBuilder): void {
  defineOp(b, 0x5e, 3, mcopy);
}
