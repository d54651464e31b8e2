import type { TableBuilder } from '../instruction-table';

/** EIP-3541 (London): new code starting with 0xEF is rejected. */
export function enable3541(b: TableBuilder): void {
  b.create = { ...b.create, rejectEfPrefix: true };
}
