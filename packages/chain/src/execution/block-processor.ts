import { type Address, type ChainConfig, type ForkRules, hexToBytes } from '@cairn/common';
import { type AccountChange, applyWithdrawals, type Evm, JournaledState, type StateReader, systemCall, TransactionError as EvmTransactionError, runTransaction } from '@cairn/evm';
import type { Block } from '../block/block';
import type { FinalizingEngine } from '../consensus/engine';
import { BlockError } from '../errors';
import { logsBloom, mergeBloom, BLOOM_BYTES } from '../receipts/bloom';
import type { Receipt } from '../receipts/receipt';
import { validateTransaction } from '../transactions/validate';
import { applyDaoFork, daoForkBlock } from './dao-fork';
import { blockEnv, transactionEnv } from './transaction-env';

/** EIP-4788's beacon roots contract, called by the system at the start of each Cancun block. */
export const BEACON_ROOTS_ADDRESS = hexToBytes('0x000f3df6d732807ef1319fb7b8bb8522d0beac02');

/** What running a block's transactions and finalisation produced. */
export interface BlockExecution {
  readonly receipts: readonly Receipt[];
  readonly gasUsed: bigint;
  readonly logsBloom: Uint8Array;
  /** What the block changed in the state, for the world state to commit. */
  readonly changes: readonly AccountChange[];
}

export interface ExecutionInput {
  readonly block: Block;
  readonly rules: ForkRules;
  /** The state after the parent block. */
  readonly parentState: StateReader;
  /** BLOCKHASH: the hash of an ancestor of this block by number (within the 256 before it). */
  readonly blockHash: (number: bigint) => Promise<Uint8Array>;
  /**
   * The state root of the parent's state with `changes` applied, without persisting it. Used
   * only before Byzantium, whose receipts record the state root after each transaction.
   */
  readonly intermediateRoot: (changes: readonly AccountChange[]) => Promise<Uint8Array>;
  /** Senders recovered ahead of execution, one per transaction; recovered here when absent. */
  readonly senders?: readonly Address[];
}

/**
 * Runs a block on the state after its parent, in the order the protocol fixes: the DAO fork's
 * balance moves at its block, the EIP-4788 beacon-root system call (Cancun), each transaction
 * (checked against the fork's rules first; an invalid one invalidates the block), then the
 * engine's rewards and the EIP-4895 withdrawals. Returns the receipts and the state changes; the
 * caller compares them with the header and commits the changes.
 */
export interface ProcessorOptions {
  /**
   * EIP-3607: refuse a transaction whose sender has code (default true, on every fork, as all
   * clients do). Only replays of fixtures filled before the EIP existed turn it off.
   */
  readonly rejectSenderWithCode?: boolean;
}

export class BlockProcessor {
  constructor(
    private readonly evm: Evm,
    private readonly config: ChainConfig,
    private readonly engine: FinalizingEngine,
    private readonly options: ProcessorOptions = {},
  ) {}

  async execute(input: ExecutionInput): Promise<BlockExecution> {
    const { block, rules } = input;
    const { header } = block;
    const state = new JournaledState(input.parentState, this.evm.hasher);
    const env = blockEnv(header, rules.has(4399), input.blockHash);
    if (daoForkBlock(this.config) === header.number) await applyDaoFork(state);
    if (rules.has(4788) && header.parentBeaconBlockRoot !== undefined) {
      await systemCall(this.evm, state, BEACON_ROOTS_ADDRESS, header.parentBeaconBlockRoot, env, rules);
    }
    const receipts: Receipt[] = [];
    const bloom = new Uint8Array(BLOOM_BYTES);
    let gasUsed = 0n;
    for (const [index, tx] of block.transactions.entries()) {
      let sender = input.senders?.[index];
      try {
        validateTransaction(tx, rules, { intrinsicGas: false });
        sender ??= tx.sender();
      } catch (error) {
        throw invalidTransaction(index, error);
      }
      let result: Awaited<ReturnType<typeof runTransaction>>;
      try {
        result = await runTransaction(this.evm, state, transactionEnv(tx, sender), env, rules, { blockGasUsed: gasUsed, rejectSenderWithCode: this.options.rejectSenderWithCode });
      } catch (error) {
        if (error instanceof EvmTransactionError) throw invalidTransaction(index, error);
        throw error;
      }
      gasUsed += result.gasUsed;
      const logs = result.logs.map((log) => ({ address: log.address, topics: log.topics, data: log.data }));
      const receiptBloom = logsBloom(logs);
      mergeBloom(bloom, receiptBloom);
      const outcome = rules.has(658)
        ? { status: result.success ? (1 as const) : (0 as const) }
        : { stateRoot: await input.intermediateRoot(state.changes()) };
      receipts.push({ type: tx.type, ...outcome, cumulativeGasUsed: gasUsed, logsBloom: receiptBloom, logs });
    }
    await this.#finalize(block, rules, state);
    return { receipts, gasUsed, logsBloom: bloom, changes: state.changes() };
  }

  /** The engine's credits (block and ommer rewards), then the withdrawals (Shanghai). */
  async #finalize(block: Block, rules: ForkRules, state: JournaledState): Promise<void> {
    const credits = this.engine.rewards(block, rules);
    if (credits.length > 0) {
      for (const credit of credits) {
        const account = await state.load(JournaledState.addressKey(credit.address));
        state.setBalance(account, account.balance + credit.amount);
      }
      state.finishTransaction(rules.has(161));
    }
    if (block.withdrawals !== undefined) await applyWithdrawals(state, block.withdrawals);
  }
}

/** The block's error for its transaction `index`; `field` is `transactions[index]`, so a block builder can drop that one. */
function invalidTransaction(index: number, error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  return new BlockError('INVALID_TRANSACTION', `transaction ${index}: ${code}: ${(error as Error).message}`, `transactions[${index}]`, { cause: error });
}
