import { type ChainConfig, Fork, hexToBytes } from '@cairn/common';
import { JournaledState } from '@cairn/evm';
import { DAO_DRAIN_ACCOUNTS, DAO_REFUND_CONTRACT } from './dao-accounts';

/** The DAO fork block of a chain that took the DAO fork's balance moves, or undefined. */
export function daoForkBlock(config: ChainConfig): bigint | undefined {
  return config.daoForkSupport ? config.activationBlock(Fork.DAO) : undefined;
}

const accountKey = (hex: string) => JournaledState.addressKey(hexToBytes(`0x${hex}`));

/**
 * The DAO fork's irregular state change (EIP-779), made at the start of the fork block before
 * any transaction: every drained account's balance moves to the refund contract, and each
 * drained account is left with a zero balance (created empty where it did not exist, as the
 * pre-Spurious-Dragon state rules make it).
 */
export async function applyDaoFork(state: JournaledState): Promise<void> {
  const refund = await state.load(accountKey(DAO_REFUND_CONTRACT));
  state.markExists(refund);
  for (const hex of DAO_DRAIN_ACCOUNTS) {
    const account = await state.load(accountKey(hex));
    state.setBalance(refund, refund.balance + account.balance);
    state.setBalance(account, 0n);
  }
  state.finishTransaction(false);
}
