import { bytesToBigInt } from '@cairn/common';
import { memoryRegion, wordGas } from '../../interpreter/memory-gas';
import { accountOrLoad, codeOrLoad } from '../../interpreter/state-access';
import { Status, SUSPEND } from '../../interpreter/status';
import type { Handler } from '../../table/instruction-table';
import type { AccessCosts } from '../../table/rules-records';
import { ADDRESS_MASK } from '../words';

/**
 * BALANCE, EXTCODESIZE, EXTCODECOPY and EXTCODEHASH. Their constant gas is the fork's price (the
 * warm price from EIP-2929 on); with access tracking, a cold account costs `coldAccountExtra`
 * more and becomes warm.
 */

export function makeBalance(access: AccessCosts): Handler {
  const { tracked, coldAccountExtra } = access;
  return (f, i) => {
    const s = f.stack;
    const sp = f.sp - 1;
    const account = accountOrLoad(f, s[sp] & ADDRESS_MASK);
    if (account === undefined) return SUSPEND;
    if (tracked && f.ctx.state.warmAccount(account) && !f.charge(coldAccountExtra)) return f.halt(Status.OutOfGas);
    s[sp] = account.balance;
    return i + 1;
  };
}

export function makeExtcodesize(access: AccessCosts): Handler {
  const { tracked, coldAccountExtra } = access;
  return (f, i) => {
    const s = f.stack;
    const sp = f.sp - 1;
    const account = accountOrLoad(f, s[sp] & ADDRESS_MASK);
    if (account === undefined) return SUSPEND;
    const code = codeOrLoad(f, account);
    if (code === undefined) return SUSPEND;
    if (tracked && f.ctx.state.warmAccount(account) && !f.charge(coldAccountExtra)) return f.halt(Status.OutOfGas);
    s[sp] = BigInt(code.length);
    return i + 1;
  };
}

export function makeExtcodecopy(access: AccessCosts): Handler {
  const { tracked, coldAccountExtra } = access;
  return (f, i) => {
    const s = f.stack;
    const top = f.sp - 1;
    const account = accountOrLoad(f, s[top] & ADDRESS_MASK);
    if (account === undefined) return SUSPEND;
    const code = codeOrLoad(f, account);
    if (code === undefined) return SUSPEND;
    const sp = (f.sp -= 4);
    const size = s[sp];
    const source = s[sp + 1];
    const dest = memoryRegion(f, s[sp + 2], size);
    if (dest < 0 || !f.charge(wordGas(3, size))) return f.halt(Status.OutOfGas);
    if (tracked && f.ctx.state.warmAccount(account) && !f.charge(coldAccountExtra)) return f.halt(Status.OutOfGas);
    if (size > 0n) f.mem.writePadded(dest, code, source, Number(size));
    return i + 1;
  };
}

/** EXTCODEHASH (EIP-1052): zero for an account that does not exist or is empty. */
export function makeExtcodehash(access: AccessCosts): Handler {
  const { tracked, coldAccountExtra } = access;
  return (f, i) => {
    const s = f.stack;
    const sp = f.sp - 1;
    const account = accountOrLoad(f, s[sp] & ADDRESS_MASK);
    if (account === undefined) return SUSPEND;
    if (tracked && f.ctx.state.warmAccount(account) && !f.charge(coldAccountExtra)) return f.halt(Status.OutOfGas);
    s[sp] = account.isDead() ? 0n : bytesToBigInt(account.codeHash);
    return i + 1;
  };
}
