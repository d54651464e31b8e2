import type { TableBuilder } from '../instruction-table';

/** EIP-2 (Homestead): a creation that cannot pay for its code fails instead of deploying nothing. */
export function enable2(b: TableBuilder): void {
  b.create = { ...b.create, depositOutOfGasFails: true };
}
