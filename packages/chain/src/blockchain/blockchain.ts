import { bytesToHex, type ChainConfig, equalBytes, type ForkRules, type Genesis } from '@cairn/common';
import type { Evm } from '@cairn/evm';
import type { KeyValueStore } from '@cairn/storage';
import { EMPTY_TRIE_ROOT, type Pruner, type PruningOptions, StateRootMismatchError, type StoredState, WorldState } from '@cairn/trie';
import type { Block } from '../block/block';
import { validateBodyWithoutTransactionsRoot, validateTransactionsRoot } from '../block/validate-block';
import type { ChainHeaderReader, ConsensusEngine } from '../consensus/engine';
import { validateOmmers } from '../consensus/ommers';
import { BlockError, ChainStoreError } from '../errors';
import { BlockProcessor, type ProcessorOptions } from '../execution/block-processor';
import { validateExecution, validateStateRoot } from '../execution/validate-results';
import { genesisBlock, genesisChanges } from '../genesis/genesis-block';
import type { BlockHeader } from '../header/header';
import { BlockStore } from '../store/block-store';
import { ancestorHashes } from './block-hashes';
import { type BlockSpec, buildBlock } from './build-block';
import { setCanonicalHead } from './canonical-chain';

export interface BlockchainOptions extends ProcessorOptions {
  /** Where blocks and state live; a new store gets the genesis block and state. */
  readonly store: KeyValueStore;
  readonly genesis: Genesis;
  readonly engine: ConsensusEngine;
  readonly evm: Evm;
  /**
   * State pruning (Besu's --pruning-enabled, --pruning-blocks-retained). A store remembers the
   * setting it was created with; opening it with the other fails with `PruningError`.
   */
  readonly pruning?: PruningOptions;
}

/** What importing a block did. */
export interface ImportResult {
  /** `canonical`: the block is the new head; `side`: stored on a branch with less work; `known`: already stored. */
  readonly status: 'canonical' | 'side' | 'known';
  readonly block: Block;
  readonly gasUsed: bigint;
}

/**
 * The blockchain: blocks and their state on one `KeyValueStore`. `importBlock` validates a block
 * (header and seal by the engine, body, ommers), executes it on its parent's state, and writes the
 * block, its receipts, its state, the indexes and (if it wins the fork choice) the new head in one
 * atomic batch. Before the Merge the head is the block with the most total difficulty (a reorg
 * rewrites the canonical index and the transaction index); after it, each imported block becomes
 * the head, as no consensus client is there to choose.
 */
export class Blockchain implements ChainHeaderReader {
  readonly config: ChainConfig;
  readonly blocks: BlockStore;
  readonly #engine: ConsensusEngine;
  readonly #processor: BlockProcessor;
  readonly #state: WorldState;
  #head: Block;
  #headTd: bigint;
  #genesis: Block;
  /** Imports run one at a time: each reads the head the previous one wrote. */
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(options: BlockchainOptions, state: WorldState, genesis: Block, head: Block, headTd: bigint) {
    this.config = options.genesis.config;
    this.blocks = new BlockStore(options.store);
    this.#engine = options.engine;
    this.#processor = new BlockProcessor(options.evm, this.config, options.engine, options);
    this.#state = state;
    this.#genesis = genesis;
    this.#head = head;
    this.#headTd = headTd;
  }

  /**
   * Opens the chain in `options.store`: a new store is given the genesis block and state; a store
   * that holds a chain must hold this genesis (else `ChainStoreError` GENESIS_MISMATCH), and its
   * head is read back.
   */
  static async open(options: BlockchainOptions): Promise<Blockchain> {
    const state = await WorldState.open(options.store, { pruning: options.pruning });
    try {
      return await Blockchain.#load(options, state);
    } catch (error) {
      await state.close();
      throw error;
    }
  }

  static async #load(options: BlockchainOptions, state: WorldState): Promise<Blockchain> {
    const blocks = new BlockStore(options.store);
    const changes = genesisChanges(options.genesis);
    const genesis = genesisBlock(options.genesis, await state.root(EMPTY_TRIE_ROOT, changes));
    const headHash = await blocks.headHash();
    if (headHash === undefined) {
      const batch = options.store.batch();
      const writer = blocks.writer(batch);
      writer.putBlock(genesis, [], genesis.header.difficulty);
      writer.putCanonical(genesis);
      writer.setHead(genesis.hash());
      await state.commit(EMPTY_TRIE_ROOT, changes, { batch, block: blockRef(genesis.header), expectedRoot: genesis.header.stateRoot });
      return new Blockchain(options, state, genesis, genesis, genesis.header.difficulty);
    }
    const storedGenesis = await blocks.canonicalHash(genesis.header.number);
    if (storedGenesis === undefined || !equalBytes(storedGenesis, genesis.hash())) {
      throw new ChainStoreError('GENESIS_MISMATCH', `the store holds a chain whose genesis is not ${bytesToHex(genesis.hash())}`);
    }
    const head = await blocks.block(headHash);
    const headTd = await blocks.totalDifficulty(headHash);
    if (head === undefined || headTd === undefined) throw new ChainStoreError('MISSING_BLOCK', `the head block ${bytesToHex(headHash)} is missing from the store`);
    return new Blockchain(options, state, genesis, head, headTd);
  }

  get head(): Block {
    return this.#head;
  }

  get genesis(): Block {
    return this.#genesis;
  }

  get headTotalDifficulty(): bigint {
    return this.#headTd;
  }

  /** Background state pruning, when the chain was opened with it. */
  get pruner(): Pruner | undefined {
    return this.#state.pruner;
  }

  /** The state after the block whose header is given (`StateNotAvailableError` when it is not stored). */
  stateAt(header: BlockHeader): StoredState {
    return this.#state.at(header.stateRoot);
  }

  header(hash: Uint8Array): Promise<BlockHeader | undefined> {
    return this.blocks.header(hash);
  }

  async ommers(hash: Uint8Array): Promise<readonly BlockHeader[] | undefined> {
    return (await this.blocks.body(hash))?.ommers;
  }

  /** The canonical block at `number`, if there is one. */
  async canonicalBlock(number: bigint): Promise<Block | undefined> {
    const hash = await this.blocks.canonicalHash(number);
    return hash === undefined ? undefined : this.blocks.block(hash);
  }

  /** The rules a block with this header runs under, given its parent's total difficulty. */
  rulesFor(header: Pick<BlockHeader, 'number' | 'timestamp'>, parentTd: bigint): ForkRules {
    const ttd = this.config.terminalTotalDifficulty;
    return this.config.rulesAt(header.number, header.timestamp, ttd !== undefined && parentTd >= ttd);
  }

  /**
   * Validates, executes and stores one block. Throws `BlockError` (or a decoding or transaction
   * error it wraps) for an invalid block, which leaves the store as it was.
   */
  importBlock(block: Block): Promise<ImportResult> {
    const run = this.#queue.then(() => this.#import(block));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #import(block: Block): Promise<ImportResult> {
    const { header } = block;
    if (await this.blocks.header(block.hash())) return { status: 'known', block, gasUsed: header.gasUsed };
    const parent = await this.blocks.header(header.parentHash);
    const parentTd = parent && (await this.blocks.totalDifficulty(header.parentHash));
    if (parent === undefined || parentTd === undefined) throw new BlockError('UNKNOWN_PARENT', `parent ${bytesToHex(header.parentHash)} of block ${header.number} is not known`, 'parentHash');
    const rules = this.rulesFor(header, parentTd);
    await this.#engine.validateHeader(header, parent, rules);
    await this.#engine.verifySeal(header, rules);
    await validateBodyWithoutTransactionsRoot(block, rules);
    // Ommers exist only before the Merge, so they run under the rules of their own height.
    await validateOmmers(block, this, this.#engine, (ommer) => this.config.rulesAt(ommer.number, ommer.timestamp));
    const execution = await this.#execute(block, parent, rules);
    // The transactions root is checked after execution, so that a block holding an invalid
    // transaction is rejected for that transaction rather than for a root built without it.
    await validateTransactionsRoot(block);
    await validateExecution(header, execution);
    this.#engine.validatePostExecution?.(block, execution.receipts, rules);

    const td = parentTd + header.difficulty;
    const batch = this.blocks.store.batch();
    const writer = this.blocks.writer(batch);
    writer.putBlock(block, execution.receipts, td);
    const becomesHead = rules.has(3675) || td > this.#headTd;
    if (becomesHead) await setCanonicalHead(this.blocks, writer, block, this.#head);
    // The state commit writes the batch: block, indexes and state land together, and with
    // pruning the block's journal entry too (a reorg's new head is this block, which `head` tells it).
    try {
      await this.#state.commit(parent.stateRoot, execution.changes, { batch, block: blockRef(header), head: becomesHead, expectedRoot: header.stateRoot });
    } catch (error) {
      if (error instanceof StateRootMismatchError) validateStateRoot(header, error.actual);
      throw error;
    }
    this.blocks.remember(header);
    if (!becomesHead) return { status: 'side', block, gasUsed: execution.gasUsed };
    this.#head = block;
    this.#headTd = td;
    return { status: 'canonical', block, gasUsed: execution.gasUsed };
  }

  #execute(block: Block, parent: BlockHeader, rules: ForkRules) {
    return this.#processor.execute({
      block,
      rules,
      parentState: this.#state.at(parent.stateRoot),
      blockHash: ancestorHashes(parent, (hash) => this.blocks.header(hash)),
      intermediateRoot: (changes) => this.#state.root(parent.stateRoot, changes),
    });
  }

  /**
   * Builds an unsealed child of the stored block `parentHash` holding `spec.transactions` (see
   * `buildBlock`), executed on the parent's state without storing anything; `importBlock` it
   * (after sealing, for an engine with seals) to add it to the chain.
   */
  async buildBlock(parentHash: Uint8Array, spec: BlockSpec): Promise<Block> {
    const parent = await this.blocks.header(parentHash);
    const parentTd = parent && (await this.blocks.totalDifficulty(parentHash));
    if (parent === undefined || parentTd === undefined) throw new BlockError('UNKNOWN_PARENT', `parent ${bytesToHex(parentHash)} is not known`, 'parentHash');
    const rules = this.rulesFor({ number: parent.number + 1n, timestamp: spec.timestamp }, parentTd);
    return buildBlock(parent, spec, rules, {
      execute: (block, blockRules) => this.#execute(block, parent, blockRules),
      stateRoot: (execution) => this.#state.root(parent.stateRoot, execution.changes),
    });
  }

  /** Stops background work of the state; the store stays open (its owner closes it). */
  async close(): Promise<void> {
    await this.#queue;
    await this.#state.close();
  }
}

/** The block a state commit belongs to, as pruning records it. */
function blockRef(header: BlockHeader): { number: bigint; hash: Uint8Array; parentHash: Uint8Array } {
  return { number: header.number, hash: header.hash(), parentHash: header.parentHash };
}
