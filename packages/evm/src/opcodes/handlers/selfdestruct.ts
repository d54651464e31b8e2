import { accountOrLoad } from '../../interpreter/state-access';
import { Status, SUSPEND } from '../../interpreter/status';
import type { Handler } from '../../table/instruction-table';
import type { AccessCosts, SelfdestructRules } from '../../table/rules-records';
import { ADDRESS_MASK } from '../words';

/**
 * SELFDESTRUCT: moves the whole balance to the beneficiary and schedules the account's deletion
 * at the end of the transaction (with a refund before EIP-3529). Under EIP-6780 an account not
 * created in this transaction only gives its balance away, and to itself gives nothing.
 */
export function makeSelfdestruct(rules: SelfdestructRules, access: AccessCosts): Handler {
  const { tracked } = access;
  const cold = rules.coldBeneficiaryGas;
  return (f) => {
    if (f.isStatic) return f.halt(Status.StaticStateChange);
    const beneficiary = accountOrLoad(f, f.stack[f.sp - 1] & ADDRESS_MASK);
    if (beneficiary === undefined) return SUSPEND;
    f.sp--;
    const state = f.ctx.state;
    const self = f.account;
    const balance = self.balance;
    let cost = rules.newAccountGas(beneficiary, balance);
    if (tracked && state.warmAccount(beneficiary)) cost += cold;
    if (!f.charge(cost)) return f.halt(Status.OutOfGas);
    if (rules.onlyInCreatingTx && !self.createdInTx) {
      state.setBalance(self, 0n);
      state.setBalance(beneficiary, beneficiary.balance + balance);
      return f.halt(Status.Stop);
    }
    state.setBalance(beneficiary, beneficiary.balance + balance);
    state.setBalance(self, 0n);
    if (state.destruct(self) && rules.refund > 0) state.addRefund(rules.refund);
    return f.halt(Status.Stop);
  };
}
