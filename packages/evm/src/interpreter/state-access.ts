import type { AccountState } from '../state/account-state';
import type { Frame } from './frame';

/**
 * The synchronous side of state access for handlers. Each returns what is already loaded, or
 * `undefined` after setting `f.pending` to the load: the handler then returns SUSPEND without
 * having changed anything, and runs again from the start once the load has finished.
 */

export function accountOrLoad(f: Frame, address: bigint): AccountState | undefined {
  const state = f.ctx.state;
  const account = state.get(address);
  if (account === undefined) f.pending = state.load(address);
  return account;
}

export function codeOrLoad(f: Frame, account: AccountState): Uint8Array | undefined {
  const code = account.code;
  if (code === undefined) f.pending = f.ctx.state.loadCode(account);
  return code;
}

export function slotOrLoad(f: Frame, account: AccountState, slot: bigint): bigint | undefined {
  const state = f.ctx.state;
  const value = state.slot(account, slot);
  if (value === undefined) f.pending = state.loadSlot(account, slot);
  return value;
}
