import type { Address, ForkRules } from '@cairn/common';
import type { Block } from '../block/block';
import type { BlockHeader } from '../header/header';
import type { Receipt } from '../receipts/receipt';

/**
 * The narrow, read-only view of the chain an engine may consult (ancestors for ommer checks,
 * signer snapshots and the like), rather than the whole blockchain.
 */
export interface ChainHeaderReader {
  /** The header with this hash, canonical or not, if it is stored. */
  header(hash: Uint8Array): Promise<BlockHeader | undefined>;
  /** The ommers the stored block with this hash included, if it is stored. */
  ommers(hash: Uint8Array): Promise<readonly BlockHeader[] | undefined>;
}

/** An amount of wei credited to an account when a block is finalised (a block or ommer reward). */
export interface BalanceCredit {
  readonly address: Address;
  readonly amount: bigint;
}

/**
 * First stage: what a header must satisfy given its parent. `validateHeader` checks every rule
 * but the seal (fields of the fork, gas limit, base fee, difficulty…); `verifySeal` checks the
 * seal alone, so that a caller may skip it (NoProof) or run it apart. Both throw `BlockError`.
 */
export interface HeaderValidator {
  validateHeader(header: BlockHeader, parent: BlockHeader, rules: ForkRules): void | Promise<void>;
  verifySeal(header: BlockHeader, rules: ForkRules): Promise<void>;
}

/**
 * Last stage: what the engine adds when a block is finalised after its transactions, and the
 * checks it makes on the results. Rewards come back as credits for the block processor to apply,
 * so that an engine never touches state itself.
 */
export interface FinalizingEngine {
  /** The credits of this block (block and ommer rewards), in the order they apply. */
  rewards(block: Block, rules: ForkRules): readonly BalanceCredit[];
  /** Engine-specific checks of the execution results; throws `BlockError`. */
  validatePostExecution?(block: Block, receipts: readonly Receipt[], rules: ForkRules): void;
}

/**
 * The verbs of block production, for engines that seal blocks themselves (Clique, IBFT, the dev
 * engine): fill the engine's fields of a new header, then seal the finished block.
 */
export interface BlockProducer {
  /** The header fields the engine decides (difficulty, extra data, mix hash…) for a child of `parent`. */
  prepare(parent: BlockHeader, rules: ForkRules): Promise<Partial<Pick<BlockHeader, 'difficulty' | 'extraData' | 'mixHash' | 'nonce'>>>;
  /** The block with its seal, or undefined when this node may not seal it now. */
  seal(block: Block, signal: AbortSignal): Promise<Block | undefined>;
  /** Who produced a block (the coinbase, or the signer for Clique). */
  author(header: BlockHeader): Address;
}

/**
 * A consensus engine, split by validation stage (header, then the finalisation after
 * execution); body checks that need no engine (roots, ommer ancestry) are the chain's own.
 * `chain` and `node` call engines only through this interface; the engines live in the
 * `consensus-*` packages, except the two small ones `chain` ships (`ProofOfStakeEngine`,
 * `NoProofEngine`).
 */
export interface ConsensusEngine extends HeaderValidator, FinalizingEngine {
  /** A short name for logs: `ethash`, `pos`, `clique`… */
  readonly name: string;
  /** Present for engines that produce blocks. */
  readonly producer?: BlockProducer;
}
