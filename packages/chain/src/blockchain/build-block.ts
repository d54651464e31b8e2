import { type Address, type ForkRules, GAS_PER_BLOB, nextExcessBlobGas } from '@cairn/common';
import { Block } from '../block/block';
import { transactionsRoot, receiptsRoot, withdrawalsRoot } from '../block/roots';
import type { BlockExecution } from '../execution/block-processor';
import { nextBaseFee } from '../header/base-fee';
import { calculateDifficulty } from '../header/difficulty';
import { type BlockHeader, createHeader, type HeaderFields } from '../header/header';
import { EMPTY_OMMERS_HASH } from '../header/ommers';
import { BLOOM_BYTES } from '../receipts/bloom';
import type { Transaction } from '../transactions/transaction';
import type { Withdrawal } from '../withdrawals/withdrawal';

/** What the producer of a new block chooses; everything else follows from the parent and the execution. */
export interface BlockSpec {
  readonly transactions: readonly Transaction[];
  readonly coinbase: Address;
  readonly timestamp: bigint;
  /** Default: the parent's gas limit. */
  readonly gasLimit?: bigint;
  readonly extraData?: Uint8Array;
  /** The beacon chain's randomness after the Merge (PREVRANDAO); zero by default. */
  readonly mixHash?: Uint8Array;
  /** From Shanghai (EIP-4895); none by default. */
  readonly withdrawals?: readonly Withdrawal[];
  /** From Cancun (EIP-4788); zero by default. */
  readonly parentBeaconBlockRoot?: Uint8Array;
}

/** Runs a block and gives its post-state root without keeping the state. */
export interface BlockRunner {
  execute(block: Block, rules: ForkRules): Promise<BlockExecution>;
  stateRoot(execution: BlockExecution): Promise<Uint8Array>;
}

const ZERO_HASH = new Uint8Array(32);

/**
 * Builds the child of `parent` holding `spec.transactions`: the header fields the protocol
 * derives from the parent (number, base fee, excess blob gas, the proof-of-work difficulty before
 * the Merge), then the ones only execution gives (gas used, bloom, receipts and state roots).
 * The block is unsealed: a proof-of-work seal is the engine's to add. Throws what execution
 * throws for a transaction that cannot be included.
 */
export async function buildBlock(parent: BlockHeader, spec: BlockSpec, rules: ForkRules, runner: BlockRunner): Promise<Block> {
  const merged = rules.has(3675);
  const withdrawals = rules.has(4895) ? (spec.withdrawals ?? []) : undefined;
  const draft: HeaderFields = {
    parentHash: parent.hash(),
    ommersHash: EMPTY_OMMERS_HASH,
    coinbase: spec.coinbase,
    stateRoot: ZERO_HASH,
    transactionsRoot: await transactionsRoot(spec.transactions),
    receiptsRoot: ZERO_HASH,
    logsBloom: new Uint8Array(BLOOM_BYTES),
    difficulty: merged ? 0n : calculateDifficulty(rules, parent.number + 1n, spec.timestamp, parent),
    number: parent.number + 1n,
    gasLimit: spec.gasLimit ?? parent.gasLimit,
    gasUsed: 0n,
    timestamp: spec.timestamp,
    extraData: spec.extraData ?? new Uint8Array(0),
    mixHash: spec.mixHash ?? ZERO_HASH,
    nonce: new Uint8Array(8),
    baseFeePerGas: rules.has(1559) ? nextBaseFee(parent) : undefined,
    withdrawalsRoot: withdrawals ? await withdrawalsRoot(withdrawals) : undefined,
    blobGasUsed: rules.blobParams ? spec.transactions.reduce((sum, tx) => sum + BigInt(tx.blobVersionedHashes.length), 0n) * GAS_PER_BLOB : undefined,
    excessBlobGas: rules.blobParams ? nextExcessBlobGas(parent.excessBlobGas ?? 0n, parent.blobGasUsed ?? 0n, rules.blobParams) : undefined,
    parentBeaconBlockRoot: rules.has(4788) ? (spec.parentBeaconBlockRoot ?? ZERO_HASH) : undefined,
  };
  const body = { transactions: spec.transactions, ommers: [], withdrawals };
  const execution = await runner.execute(new Block(createHeader(draft), body), rules);
  const header = createHeader({
    ...draft,
    stateRoot: await runner.stateRoot(execution),
    receiptsRoot: await receiptsRoot(execution.receipts),
    logsBloom: execution.logsBloom,
    gasUsed: execution.gasUsed,
  });
  return new Block(header, body);
}
