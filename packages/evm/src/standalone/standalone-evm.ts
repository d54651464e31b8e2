import { type Address, ChainConfig, EMPTY_BYTES, type Fork, LATEST_FORK } from '@cairn/common';
import { Evm } from '../evm';
import { JournaledState } from '../state/journaled-state';
import { type AccountSetup, MemoryState } from '../state/memory-state';
import type { Hooks } from '../tracing/hooks';
import type { BlockEnv, TransactionEnv } from '../transaction/environment';
import { runTransaction, type TransactionResult } from '../transaction/run-transaction';

export interface StandaloneOptions {
  /** The fork whose rules apply (default: the newest Cairn executes). */
  readonly fork?: Fork;
  readonly chainId?: bigint;
  /** Block values to use instead of the defaults (block 1, 30M gas, no base fee). */
  readonly block?: Partial<BlockEnv>;
  /** Tracer hooks for every transaction. */
  readonly hooks?: Hooks;
  /** An EVM to share tables and decoded programs with (default: a new one). */
  readonly evm?: Evm;
}

/** A transaction as the stand-alone EVM takes it: only the sender is required. */
export interface SimpleTransaction {
  readonly from: Address;
  readonly to?: Address;
  readonly data?: Uint8Array;
  readonly value?: bigint;
  readonly gasLimit?: bigint;
  readonly gasPrice?: bigint;
}

const DEFAULT_GAS_LIMIT = 30_000_000n;

/**
 * The EVM with an in-memory world state, for apps and tests that want to run code without the
 * rest of Cairn: set up accounts, deploy, call, read the state. Every `deploy`, `call` or `send`
 * is a real transaction (nonce, intrinsic gas, fees at the given gas price, zero by default) and
 * its changes are committed before the next one starts.
 */
export class StandaloneEvm {
  readonly world = new MemoryState();
  readonly evm: Evm;
  private readonly config: ChainConfig;
  private readonly fork: Fork;
  private block: BlockEnv;
  private readonly hooks: Hooks | undefined;

  constructor(options: StandaloneOptions = {}) {
    this.fork = options.fork ?? LATEST_FORK;
    this.config = ChainConfig.forFork(this.fork, options.chainId ?? 1n);
    this.evm = options.evm ?? new Evm();
    this.hooks = options.hooks;
    this.block = {
      coinbase: new Uint8Array(20),
      number: 1n,
      timestamp: 1n,
      gasLimit: DEFAULT_GAS_LIMIT,
      difficulty: 0n,
      prevRandao: new Uint8Array(32),
      baseFee: 0n,
      excessBlobGas: 0n,
      ...options.block,
    };
  }

  setAccount(address: Address, setup: AccountSetup = {}): void {
    this.world.setAccount(address, setup);
  }

  setBlock(block: Partial<BlockEnv>): void {
    this.block = { ...this.block, ...block };
  }

  /** Creates a contract from `code` (its init code); the result's `createdAddress` is where it lives. */
  deploy(tx: Omit<SimpleTransaction, 'to' | 'data'> & { readonly code: Uint8Array }): Promise<TransactionResult> {
    return this.send({ ...tx, data: tx.code });
  }

  /** Calls `to` with `data`. */
  call(tx: SimpleTransaction & { readonly to: Address }): Promise<TransactionResult> {
    return this.send(tx);
  }

  /** Runs one legacy transaction from `tx.from` at its current nonce and commits its changes. */
  async send(tx: SimpleTransaction): Promise<TransactionResult> {
    const sender = await this.world.getAccount(tx.from);
    const env: TransactionEnv = {
      type: 0,
      sender: tx.from,
      to: tx.to,
      nonce: sender?.nonce ?? 0n,
      value: tx.value ?? 0n,
      data: tx.data ?? EMPTY_BYTES,
      gasLimit: tx.gasLimit ?? DEFAULT_GAS_LIMIT,
      gasPrice: tx.gasPrice ?? 0n,
    };
    const state = new JournaledState(this.world, this.evm.hasher);
    const result = await runTransaction(this.evm, state, env, this.block, this.config.rulesFor(this.fork), { hooks: this.hooks });
    this.world.commit(state.changes());
    return result;
  }

  async getBalance(address: Address): Promise<bigint> {
    return (await this.world.getAccount(address))?.balance ?? 0n;
  }

  async getNonce(address: Address): Promise<bigint> {
    return (await this.world.getAccount(address))?.nonce ?? 0n;
  }

  async getCode(address: Address): Promise<Uint8Array> {
    const account = await this.world.getAccount(address);
    return account === undefined ? EMPTY_BYTES : this.world.getCode(account.codeHash);
  }

  getStorage(address: Address, slot: bigint): Promise<bigint> {
    return this.world.getStorage(address, slot);
  }

  /** The state root of the world state now. */
  stateRoot(): Promise<Uint8Array> {
    return this.world.root();
  }
}
