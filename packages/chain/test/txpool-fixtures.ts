import { type Address, bytesToHex, Fork, privateKeyToAddress } from '@cairn/common';
import type { Transaction } from '../src/transactions/transaction';
import { signTransaction } from '../src/transactions/sign';
import type { UnsignedTransaction } from '../src/transactions/types';
import type { PoolAccounts, PoolHead } from '../src/txpool/pool-chain';
import { type DropReason, TransactionPool, type TxPoolOptions } from '../src/txpool';
import { rulesOf, TEST_TO } from './helpers';

export const GWEI = 1_000_000_000n;
export const ETHER = 10n ** 18n;

/** The private key of test account `i` (0-based): 31 zero bytes then i + 1. */
export function keyOf(i: number): Uint8Array {
  const key = new Uint8Array(32);
  key[31] = i + 1;
  return key;
}

export const addressOf = (i: number): Address => privateKeyToAddress(keyOf(i));

/** Account state at the head, in memory: what the node reads from the world state. */
export class MemoryAccounts implements PoolAccounts {
  readonly #nonces = new Map<string, bigint>();
  readonly #balances = new Map<string, bigint>();
  /** When set, every read fails, as a pruned or unavailable state would. */
  unavailable = false;

  constructor(defaultBalance = 10n * ETHER, accounts = 8) {
    for (let i = 0; i < accounts; i++) this.set(addressOf(i), { balance: defaultBalance });
  }

  set(address: Address, account: { nonce?: bigint; balance?: bigint }): void {
    const key = bytesToHex(address);
    if (account.nonce !== undefined) this.#nonces.set(key, account.nonce);
    if (account.balance !== undefined) this.#balances.set(key, account.balance);
  }

  async getNonce(address: Address): Promise<bigint> {
    if (this.unavailable) throw new Error('state of the head is not available');
    return this.#nonces.get(bytesToHex(address)) ?? 0n;
  }

  async getBalance(address: Address): Promise<bigint> {
    if (this.unavailable) throw new Error('state of the head is not available');
    return this.#balances.get(bytesToHex(address)) ?? 0n;
  }
}

/** A Cancun head on chain 1 with a 30M gas limit and the given next base fee. */
export function headAt(number: bigint, baseFee: bigint | undefined = 10n * GWEI, fork = Fork.Cancun): PoolHead {
  return { number, gasLimit: 30_000_000n, baseFee, blobBaseFee: 1n, rules: rulesOf(fork) };
}

export interface TxSpec {
  readonly type?: number;
  /** Max priority fee (or the gas price of legacy and EIP-2930 transactions). */
  readonly tip?: bigint;
  /** Max fee per gas; ignored for legacy and EIP-2930 transactions. */
  readonly fee?: bigint;
  readonly gasLimit?: bigint;
  readonly value?: bigint;
  readonly chainId?: bigint;
}

/** A signed transfer from account `from` with this nonce: EIP-1559 with a 2 gwei tip and 100 gwei fee cap unless `spec` says otherwise. */
export function transfer(from: number, nonce: bigint, spec: TxSpec = {}): Transaction {
  const type = spec.type ?? 2;
  const tip = spec.tip ?? 2n * GWEI;
  const fees = type >= 2 ? { maxPriorityFeePerGas: tip, maxFeePerGas: spec.fee ?? 100n * GWEI } : { gasPrice: tip };
  const unsigned: UnsignedTransaction = {
    type,
    chainId: spec.chainId ?? 1n,
    nonce,
    gasLimit: spec.gasLimit ?? 21_000n,
    to: TEST_TO,
    value: spec.value ?? 0n,
    data: new Uint8Array(0),
    ...fees,
  };
  return signTransaction(unsigned, keyOf(from));
}

/** A pool over `accounts` with every event recorded, the clock under the test's control. */
export function makePool(options: TxPoolOptions = {}, accounts = new MemoryAccounts(), head = headAt(1n)) {
  const clock = { now: 1_700_000_000_000 };
  const events: string[] = [];
  const listenerErrors: unknown[] = [];
  const pool = new TransactionPool({ head, accounts, options, clock: () => clock.now, onListenerError: (e) => listenerErrors.push(e) });
  pool.subscribe({
    onAdded: (hash) => events.push(`added ${bytesToHex(hash)}`),
    onDropped: (hash, _tx, reason: DropReason) => events.push(`${reason} ${bytesToHex(hash)}`),
  });
  return { pool, accounts, clock, events, listenerErrors };
}

/** What the pool holds, by hash and state, for before/after comparisons. */
export function snapshot(pool: TransactionPool): string[] {
  return pool.transactions().map((t) => `${bytesToHex(t.hash)} ${t.state}`);
}

export const hex = (tx: Transaction): string => bytesToHex(tx.hash());
