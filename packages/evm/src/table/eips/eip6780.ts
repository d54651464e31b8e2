import type { TableBuilder } from '../instruction-table';

/** EIP-6780 (Cancun): SELFDESTRUCT deletes only an account created in the same transaction. */
export function enable6780(b: TableBuilder): void {
  b.selfdestruct = { ...b.selfdestruct, onlyInCreatingTx: true };
}
