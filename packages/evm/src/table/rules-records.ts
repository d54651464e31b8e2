import type { AccountState } from '../state/account-state';

/**
 * The fork-dependent rules of the opcode families that several EIPs adjust, as plain records.
 * Frontier's values are below; each EIP enabler replaces the fields it changes, and the handlers
 * are built from the final records, so no handler ever asks which fork it runs in.
 */

/** CALL, CALLCODE, DELEGATECALL, STATICCALL. */
export interface CallRules {
  /**
   * The gas a callee gets when `requested` is asked for and `available` is left after the call's
   * own costs, or `undefined` when the caller cannot pay (Frontier charges the full request).
   */
  readonly calleeGas: (available: bigint, requested: bigint) => bigint | undefined;
  /** Surcharge for calling into an account that must be created. */
  readonly newAccountGas: (target: AccountState, value: bigint) => number;
  /** Whether a call with no value to an absent account creates it (before EIP-161). */
  readonly createsEmptyTarget: boolean;
}

/** CREATE, CREATE2 and creation transactions. */
export interface CreateRules {
  /** The gas the init code gets from what is `available`. */
  readonly calleeGas: (available: bigint) => bigint;
  /** Nonce of a new contract: 0, or 1 from EIP-161. */
  readonly initialNonce: bigint;
  /** Largest deployable code (EIP-170), or undefined for no limit. */
  readonly maxCodeSize: number | undefined;
  /** Largest init code (EIP-3860), or undefined for no limit; and its price per word. */
  readonly maxInitCodeSize: number | undefined;
  readonly initCodeWordGas: number;
  /** Whether running out of gas for the code deposit fails the creation (Homestead, EIP-2). */
  readonly depositOutOfGasFails: boolean;
  /** Whether new code may not start with 0xEF (EIP-3541). */
  readonly rejectEfPrefix: boolean;
  /** Whether an account with storage counts as a collision, like one with a nonce or code (EIP-7610). */
  readonly storageCollides: boolean;
}

/** SSTORE's pricing scheme and its numbers. */
export interface SstoreRules {
  /** `legacy`: set 20000 / reset 5000 / clear refund; `net`: EIP-1283/2200 net gas metering. */
  readonly scheme: 'legacy' | 'net';
  /** EIP-2200: fail when no more than the call stipend is left. */
  readonly sentry: boolean;
  /** Cost of a no-op or dirty write (the warm read price). */
  readonly noopGas: number;
  readonly setGas: number;
  readonly resetGas: number;
  readonly clearRefund: number;
  /** EIP-2929 surcharge for a cold slot (0 before Berlin). */
  readonly coldSlotGas: number;
}

/** SELFDESTRUCT. */
export interface SelfdestructRules {
  /** Surcharge when the beneficiary must be created. */
  readonly newAccountGas: (beneficiary: AccountState, balance: bigint) => number;
  /** EIP-2929 charge for a cold beneficiary (the whole cold price: the opcode has no warm part). */
  readonly coldBeneficiaryGas: number;
  /** Refund for the first destruction of an account in a transaction (0 from EIP-3529). */
  readonly refund: number;
  /** EIP-6780: only an account created in the same transaction is deleted. */
  readonly onlyInCreatingTx: boolean;
}

/** EIP-2929 access costs, in addition to the opcodes' warm (constant) prices. */
export interface AccessCosts {
  /** Whether accounts and slots are tracked as warm or cold at all. */
  readonly tracked: boolean;
  readonly coldAccountExtra: number;
  readonly coldSlotExtra: number;
}

export const FRONTIER_CALLS: CallRules = {
  calleeGas: (available, requested) => (requested <= available ? requested : undefined),
  newAccountGas: (target) => (target.exists ? 0 : 25000),
  createsEmptyTarget: true,
};

export const FRONTIER_CREATE: CreateRules = {
  calleeGas: (available) => available,
  initialNonce: 0n,
  maxCodeSize: undefined,
  maxInitCodeSize: undefined,
  initCodeWordGas: 0,
  depositOutOfGasFails: false,
  rejectEfPrefix: false,
  storageCollides: false,
};

export const FRONTIER_SSTORE: SstoreRules = {
  scheme: 'legacy',
  sentry: false,
  noopGas: 5000,
  setGas: 20000,
  resetGas: 5000,
  clearRefund: 15000,
  coldSlotGas: 0,
};

export const FRONTIER_SELFDESTRUCT: SelfdestructRules = {
  newAccountGas: () => 0,
  coldBeneficiaryGas: 0,
  refund: 24000,
  onlyInCreatingTx: false,
};

export const NO_ACCESS_TRACKING: AccessCosts = { tracked: false, coldAccountExtra: 0, coldSlotExtra: 0 };
