import { returndatasize } from '../../opcodes/handlers/environment';
import { returndatacopy } from '../../opcodes/handlers/memory-ops';
import { defineOp } from '../edit';
import type { TableBuilder } from '../instruction-table';

/** EIP-211 (Byzantium): RETURNDATASIZE and RETURNDATACOPY. */
export function enable211(b: TableBuilder): void {
  defineOp(b, 0x3d, 2, returndatasize);
  defineOp(b, 0x3e, 3, returndatacopy);
}
