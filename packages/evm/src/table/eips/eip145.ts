import { sar, shl, shr } from '../../opcodes/handlers/bitwise';
import { defineOp } from '../edit';
import type { TableBuilder } from '../instruction-table';

/** EIP-145 (Constantinople): SHL, SHR, SAR. */
export function enable145(b: TableBuilder): void {
  defineOp(b, 0x1b, 3, shl);
  defineOp(b, 0x1c, 3, shr);
  defineOp(b, 0x1d, 3, sar);
}
