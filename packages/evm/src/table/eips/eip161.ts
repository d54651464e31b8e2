import type { TableBuilder } from '../instruction-table';

/**
 * EIP-161 (Spurious Dragon), state clearing: new contracts start at nonce 1, a call or
 * SELFDESTRUCT pays for a new account only when it moves value into a dead (absent or empty)
 * one, and a call without value does not create its target. (Removing touched empty accounts at
 * the end of each transaction is the transaction layer's part.)
 */
export function enable161(b: TableBuilder): void {
  b.create = { ...b.create, initialNonce: 1n };
  b.calls = { ...b.calls, newAccountGas: (target, value) => (value !== 0n && target.isDead() ? 25000 : 0), createsEmptyTarget: false };
  b.selfdestruct = { ...b.selfdestruct, newAccountGas: (beneficiary, balance) => (balance !== 0n && beneficiary.isDead() ? 25000 : 0) };
}
