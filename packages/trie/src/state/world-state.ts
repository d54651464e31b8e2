import { equalBytes, type Hash256, keccak256 } from '@cairn/common';
import { type BatchWriter, type KeyValueSegment, type KeyValueStore, Segments, segment } from '@cairn/storage';
import { MissingNodeError, PruningError, StateCommitError, StateNotAvailableError, StateRootMismatchError } from '../errors';
import { joinHashes } from '../pruning/journal';
import { MODE_KEY } from '../pruning/progress';
import { type CommitRecord, Pruner } from '../pruning/pruner';
import { WriteLock } from '../pruning/write-lock';
import { TrieNodeStore } from '../store/node-store';
import { type AppliedChanges, applyChanges, type ChangeWriters } from './apply-changes';
import { StoredState } from './state-reader';
import type { AccountChange, BlockRef, CommitOptions } from './types';

/** Besu's --pruning-enabled and --pruning-blocks-retained. */
export interface PruningOptions {
  readonly enabled: boolean;
  /** How many recent canonical blocks keep their whole state (default 1024). */
  readonly blocksRetained?: number;
  /** Told when background pruning fails (it then stops; reads and commits go on). */
  readonly onError?: (error: Error) => void;
}

export interface WorldStateOptions {
  /** The hash of trie nodes and keys (default keccak256). */
  readonly hash?: Hash256;
  /** How many decoded trie nodes to keep in memory (default 200,000). */
  readonly cacheSize?: number;
  readonly pruning?: PruningOptions;
}

export const DEFAULT_BLOCKS_RETAINED = 1024;

/** Where `root` sends the writes it does not keep. */
const DISCARD: BatchWriter = { put: () => {}, del: () => {} };

/**
 * The world state over a `KeyValueStore`: accounts in the secure state trie, one storage trie
 * per account, code by hash. `at(root)` reads any retained state; `commit` applies a block's
 * changes and writes every node, code and pruning record in one atomic batch. With pruning
 * enabled, state that no retained root reaches is deleted in the background.
 */
export class WorldState {
  readonly #code: KeyValueSegment;

  private constructor(
    private readonly store: KeyValueStore,
    private readonly nodes: TrieNodeStore,
    private readonly hash: Hash256,
    private readonly lock: WriteLock,
    /** Present when pruning is enabled. */
    readonly pruner: Pruner | undefined,
  ) {
    this.#code = segment(store, Segments.code);
  }

  /**
   * Opens the state in `store`. A store remembers whether it was created with pruning: pruning
   * needs its records from the first commit on, so opening with the other setting throws
   * `PruningError`. Pruning left unfinished by a crash or a restart resumes at once.
   */
  static async open(store: KeyValueStore, options: WorldStateOptions = {}): Promise<WorldState> {
    const hash = options.hash ?? keccak256;
    const nodes = new TrieNodeStore(segment(store, Segments.trieNodes), { cacheSize: options.cacheSize });
    const metadata = segment(store, Segments.metadata);
    const pruning = options.pruning?.enabled ?? false;
    const mode = await metadata.get(MODE_KEY);
    if (mode === undefined) await metadata.put(MODE_KEY, Uint8Array.of(pruning ? 1 : 0));
    else if ((mode[0] === 1) !== pruning) {
      throw new PruningError(`this store was created with pruning ${mode[0] === 1 ? 'enabled' : 'disabled'}; it cannot be opened with pruning ${pruning ? 'enabled' : 'disabled'}`);
    }
    const lock = new WriteLock();
    const pruner = pruning
      ? await Pruner.open(
          store,
          {
            nodes: segment(store, Segments.trieNodes),
            code: segment(store, Segments.code),
            journal: segment(store, Segments.pruningJournal),
            counts: segment(store, Segments.pruningCounts),
            metadata,
          },
          nodes,
          lock,
          { blocksRetained: options.pruning?.blocksRetained ?? DEFAULT_BLOCKS_RETAINED, onError: options.pruning?.onError },
        )
      : undefined;
    return new WorldState(store, nodes, hash, lock, pruner);
  }

  /** The state at `root`. Reading a pruned or unknown root fails with `StateNotAvailableError`. */
  at(root: Uint8Array): StoredState {
    return new StoredState(root, this.nodes, this.#code, this.hash);
  }

  /**
   * Applies `changes` to the state at `base` and returns the new root. Nodes, code and the
   * pruning journal entry are written in one atomic batch (`options.batch`, the caller's, when
   * given). With pruning enabled, `options.block` is required, and a base whose block is below
   * the retained window fails with `StateNotAvailableError`. With `options.expectedRoot`, a
   * different root fails with `StateRootMismatchError` and nothing is written.
   */
  async commit(base: Uint8Array, changes: readonly AccountChange[], options: CommitOptions = {}): Promise<Uint8Array> {
    const pruner = this.pruner;
    const block = options.block;
    if (pruner && block === undefined) throw new StateCommitError('with pruning enabled, a commit must name its block');
    if (pruner) pruner.checkParent(block!, base);
    const batch = options.batch ?? this.store.batch();
    const applied = await this.#apply(base, changes, { nodes: segment(this.store, Segments.trieNodes).within(batch), code: this.#code.within(batch) });
    if (options.expectedRoot !== undefined && !equalBytes(options.expectedRoot, applied.root)) throw new StateRootMismatchError(options.expectedRoot, applied.root);
    if (pruner) {
      const head = options.head ?? true;
      await this.lock.run(async () => {
        // Checked again: pruning may have moved on while the changes were applied.
        pruner.checkParent(block!, base);
        const record = pruner.journal(journalRecord(block!, applied), head, batch);
        await batch.write();
        pruner.committed(record, head);
      });
    } else {
      await batch.write();
    }
    for (const commit of applied.commits) for (const { hash, node } of commit.inserted) this.nodes.remember(hash, node);
    return applied.root;
  }

  /**
   * The root `commit` would give for `changes` on `base`, computed without writing anything and
   * without telling pruning (the per-transaction roots of old receipts, a block being built).
   */
  async root(base: Uint8Array, changes: readonly AccountChange[]): Promise<Uint8Array> {
    return (await this.#apply(base, changes, { nodes: DISCARD, code: DISCARD })).root;
  }

  async #apply(base: Uint8Array, changes: readonly AccountChange[], writers: ChangeWriters): Promise<AppliedChanges> {
    try {
      return await applyChanges(this.nodes, this.hash, base, changes, writers);
    } catch (error) {
      if (error instanceof MissingNodeError) throw new StateNotAvailableError(base, error.message, { cause: error });
      throw error;
    }
  }

  /** Tells pruning which block is the chain head after a reorganisation. */
  async setHead(blockHash: Uint8Array): Promise<void> {
    if (!this.pruner) return;
    await this.pruner.setHead(blockHash);
  }

  /** Stops background pruning after its current step. The store stays open (its owner closes it). */
  async close(): Promise<void> {
    await this.pruner?.close();
  }
}

function journalRecord(block: BlockRef, applied: AppliedChanges): CommitRecord {
  return {
    number: block.number,
    hash: block.hash,
    parentHash: block.parentHash,
    root: applied.root,
    insertedNodes: joinHashes(applied.commits.flatMap((c) => c.inserted.map((i) => i.hash))),
    removedNodes: joinHashes(applied.commits.flatMap((c) => c.removed)),
    removedStorageRoots: joinHashes(applied.removedStorageRoots),
    insertedCode: joinHashes(applied.insertedCode),
    removedCode: joinHashes(applied.removedCode),
  };
}
