import { bytesToBigInt } from '@cairn/common';
import type { Frame } from '../../interpreter/frame';
import { memoryRegion, wordGas } from '../../interpreter/memory-gas';
import { accountOrLoad, codeOrLoad } from '../../interpreter/state-access';
import { Status, SUSPEND } from '../../interpreter/status';
import type { AccountState } from '../../state/account-state';
import type { Handler } from '../../table/instruction-table';
import type { AccessCosts } from '../../table/rules-records';
import { ADDRESS_MASK } from '../words';

/**
 * BALANCE, EXTCODESIZE, EXTCODECOPY and EXTCODEHASH. Their constant gas is the fork's price (the
 * warm price from EIP-2929 on); with access tracking, a cold account costs `coldAccountExtra`
 * more and becomes warm.
 */

/**
 * The account whose address is on top of the stack (left there), loaded (with its code when
 * `withCode`) and, under access tracking, paid for if cold. Otherwise SUSPEND, when something is
 * not loaded yet, or HALT, when the frame cannot pay.
 */
function accessedAccount(f: Frame, access: AccessCosts, withCode: boolean): AccountState | number {
  const account = accountOrLoad(f, f.stack[f.sp - 1] & ADDRESS_MASK);
  if (account === undefined || (withCode && codeOrLoad(f, account) === undefined)) return SUSPEND;
  if (access.tracked && f.ctx.state.warmAccount(account) && !f.charge(access.coldAccountExtra)) return f.halt(Status.OutOfGas);
  return account;
}

export function makeBalance(access: AccessCosts): Handler {
  return (f, i) => {
    const account = accessedAccount(f, access, false);
    if (typeof account === 'number') return account;
    f.stack[f.sp - 1] = account.balance;
    return i + 1;
  };
}

export function makeExtcodesize(access: AccessCosts): Handler {
  return (f, i) => {
    const account = accessedAccount(f, access, true);
    if (typeof account === 'number') return account;
    f.stack[f.sp - 1] = BigInt((account.code as Uint8Array).length);
    return i + 1;
  };
}

export function makeExtcodecopy(access: AccessCosts): Handler {
  return (f, i) => {
    const account = accessedAccount(f, access, true);
    if (typeof account === 'number') return account;
    const s = f.stack;
    const sp = (f.sp -= 4);
    const size = s[sp];
    const dest = memoryRegion(f, s[sp + 2], size);
    if (dest < 0 || !f.charge(wordGas(3, size))) return f.halt(Status.OutOfGas);
    if (size > 0n) f.mem.writePadded(dest, account.code as Uint8Array, s[sp + 1], Number(size));
    return i + 1;
  };
}

/** EXTCODEHASH (EIP-1052): zero for an account that does not exist or is empty. */
export function makeExtcodehash(access: AccessCosts): Handler {
  return (f, i) => {
    const account = accessedAccount(f, access, false);
    if (typeof account === 'number') return account;
    f.stack[f.sp - 1] = account.isDead() ? 0n : bytesToBigInt(account.codeHash);
    return i + 1;
  };
}
