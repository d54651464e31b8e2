import { chainid } from '../../opcodes/handlers/environment';
import { defineOp } from '../edit';
import type { TableBuilder } from '../instruction-table';

/** EIP-1344 (Istanbul): CHAINID. */
export function enable1344(b: TableBuilder): void {
  defineOp(b, 0x46, 2, chainid);
}
