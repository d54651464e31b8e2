import { slotOrLoad } from '../../interpreter/state-access';
import { Status, SUSPEND } from '../../interpreter/status';
import type { Handler } from '../../table/instruction-table';
import type { AccessCosts, SstoreRules } from '../../table/rules-records';

/** The call stipend: EIP-2200's SSTORE fails when no more than this is left. */
const SSTORE_SENTRY = 2300;

export function makeSload(access: AccessCosts): Handler {
  const { tracked, coldSlotExtra } = access;
  return (f, i) => {
    const s = f.stack;
    const sp = f.sp - 1;
    const slot = s[sp];
    const value = slotOrLoad(f, f.account, slot);
    if (value === undefined) return SUSPEND;
    if (tracked && f.ctx.state.warmSlot(f.account, slot) && !f.charge(coldSlotExtra)) return f.halt(Status.OutOfGas);
    s[sp] = value;
    return i + 1;
  };
}

/**
 * SSTORE under the fork's scheme: `legacy` (Frontier to Petersburg: 20000 to set a zero slot,
 * 5000 otherwise, 15000 refunded for clearing) or `net` metering (EIP-1283 in Constantinople,
 * EIP-2200 from Istanbul, repriced by EIP-2929 and EIP-3529), which prices a write by the slot's
 * original, current and new values.
 */
export function makeSstore(rules: SstoreRules): Handler {
  const { scheme, sentry, noopGas, setGas, resetGas, clearRefund, coldSlotGas } = rules;
  return (f, i) => {
    if (f.isStatic) return f.halt(Status.StaticStateChange);
    if (sentry && f.reserve === 0n && f.gas <= SSTORE_SENTRY) return f.halt(Status.OutOfGas);
    const s = f.stack;
    const slot = s[f.sp - 1];
    const value = s[f.sp - 2];
    const account = f.account;
    const current = slotOrLoad(f, account, slot);
    if (current === undefined) return SUSPEND;
    f.sp -= 2;
    const state = f.ctx.state;
    let cost = coldSlotGas > 0 && state.warmSlot(account, slot) ? coldSlotGas : 0;
    let refund = 0;
    if (scheme === 'legacy') {
      if (current === 0n && value !== 0n) cost += setGas;
      else {
        cost += resetGas;
        if (current !== 0n && value === 0n) refund = clearRefund;
      }
    } else if (current === value) {
      cost += noopGas;
    } else {
      const original = state.committedSlot(account, slot);
      if (original === current) {
        if (original === 0n) cost += setGas;
        else {
          cost += resetGas;
          if (value === 0n) refund = clearRefund;
        }
      } else {
        cost += noopGas;
        if (original !== 0n) {
          if (current === 0n) refund -= clearRefund;
          else if (value === 0n) refund += clearRefund;
        }
        if (original === value) refund += (original === 0n ? setGas : resetGas) - noopGas;
      }
    }
    if (!f.charge(cost)) return f.halt(Status.OutOfGas);
    if (refund !== 0) state.addRefund(refund);
    if (current !== value) state.setStorage(account, slot, value);
    return i + 1;
  };
}
