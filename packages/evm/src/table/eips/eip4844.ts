import { blobhash } from '../../opcodes/handlers/environment';
import { defineOp } from '../edit';
import type { TableBuilder } from '../instruction-table';

/** EIP-4844 (Cancun): BLOBHASH. (Blob gas and the point-evaluation precompile live elsewhere.) */
export function enable4844(b: TableBuilder): void {
  defineOp(b, 0x49, 3, blobhash);
}
