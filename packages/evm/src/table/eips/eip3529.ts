import type { TableBuilder } from '../instruction-table';

/**
 * EIP-3529 (London): no refund for SELFDESTRUCT, a cleared slot refunds 4800 (the reset price
 * plus a cold-slot access-list key), and refunds are capped at a fifth of the gas used.
 */
export function enable3529(b: TableBuilder): void {
  b.selfdestruct = { ...b.selfdestruct, refund: 0 };
  b.sstore = { ...b.sstore, clearRefund: 4800 };
  b.refundQuotient = 5n;
}
