import { bytesToHex, equalBytes } from '@cairn/common';
import type { BatchWriter, KeyValueSegment, KeyValueStore } from '@cairn/storage';
import { PruningError, StateCommitError, StateNotAvailableError } from '../errors';
import { hashKey } from '../store/node-cache';
import type { TrieNodeStore } from '../store/node-store';
import type { BlockRef } from '../state/types';
import { BlockIndex } from './block-index';
import { CODE, CountDeltas, NODE, countKey, decodeCount, encodeCount } from './counts';
import { type BlockRecord, type JournalEntry, decodeEntry, encodeEntry, seqKey, seqOfKey, splitHashes } from './journal';
import { HEAD_KEY, type HeadRef, PROGRESS_KEY, type PruningProgress, decodeHead, decodeProgress, encodeHead, encodeProgress } from './progress';
import { forEachPlace } from './subtree';
import type { WriteLock } from './write-lock';

/** Where the pruner keeps and deletes things. */
export interface PrunerSegments {
  readonly nodes: KeyValueSegment;
  readonly code: KeyValueSegment;
  readonly journal: KeyValueSegment;
  readonly counts: KeyValueSegment;
  readonly metadata: KeyValueSegment;
}

export interface PrunerOptions {
  /** How many recent canonical blocks keep their whole state (Besu's --pruning-blocks-retained). */
  readonly blocksRetained: number;
  /** Told of a failure of background pruning, which then stops (reads and commits go on). */
  readonly onError?: (error: Error) => void;
}

/** What a commit gives the pruner to journal. */
export type CommitRecord = Omit<JournalEntry, 'seq'>;

/**
 * Background state pruning by counted places. Every commit journals, per block, the nodes (and
 * code) it put at new places and those whose places it gave up. A pruning step then (1) adds the
 * insertions of every journal entry written so far to each node's count, and (2) once a height
 * has fallen out of the retained window, subtracts the removals of that height's canonical block
 * and takes back the insertions of its side blocks. A node whose count reaches zero is in no
 * retained state and no later one, and is deleted. Each step is one atomic batch (counts,
 * deletions, journal entries and progress together), so a crash anywhere leaves a consistent
 * store and pruning resumes from its recorded progress. Steps read and compute outside the write
 * lock and take it only to write, so block import is never held up for longer than one write.
 */
export class Pruner {
  readonly #index = new BlockIndex();
  #progress: PruningProgress = { ingestedSeq: 0n, pruned: undefined };
  #head: HeadRef | undefined;
  /** The last sequence number given out, and the last whose batch is written. */
  #nextSeq = 1n;
  #writtenSeq = 0n;
  /** Node and code hashes inserted by commits since the running step took its snapshot. */
  #recent: Set<string> | undefined;
  #running: Promise<void> | undefined;
  #wanted = false;
  #closed = false;
  #failure: Error | undefined;

  private constructor(
    private readonly store: KeyValueStore,
    private readonly segments: PrunerSegments,
    private readonly nodes: TrieNodeStore,
    private readonly lock: WriteLock,
    private readonly options: PrunerOptions,
  ) {}

  /** Loads the journal index and progress of a store (empty for a new one) and resumes pruning. */
  static async open(store: KeyValueStore, segments: PrunerSegments, nodes: TrieNodeStore, lock: WriteLock, options: PrunerOptions): Promise<Pruner> {
    if (!Number.isInteger(options.blocksRetained) || options.blocksRetained < 1) throw new PruningError('blocksRetained must be a positive integer');
    const pruner = new Pruner(store, segments, nodes, lock, options);
    const progress = await segments.metadata.get(PROGRESS_KEY);
    if (progress) pruner.#progress = decodeProgress(progress);
    const head = await segments.metadata.get(HEAD_KEY);
    if (head) pruner.#head = decodeHead(head);
    let last = pruner.#progress.ingestedSeq;
    for await (const [key, value] of segments.journal.iterate()) {
      const entry = decodeEntry(seqOfKey(key), value);
      pruner.#index.add(entry);
      if (entry.seq > last) last = entry.seq;
    }
    pruner.#nextSeq = last + 1n;
    pruner.#writtenSeq = last;
    pruner.schedule();
    return pruner;
  }

  /**
   * Throws `StateNotAvailableError` when `block`'s parent state is below the pruned horizon, and
   * `StateCommitError` when `base` is not the root committed for the parent (the journal would
   * then describe changes from the wrong state).
   */
  checkParent(block: BlockRef, base: Uint8Array): void {
    const parent = this.#index.get(block.parentHash);
    if (parent !== undefined && !equalBytes(parent.root, base)) {
      throw new StateCommitError(`block ${block.number} names base root ${bytesToHex(base)}, but its parent committed ${bytesToHex(parent.root)}`);
    }
    const pruned = this.#progress.pruned;
    if (pruned === undefined) return;
    const ancestor = block.number > pruned.number ? this.#index.ancestorAt(block.parentHash, block.number - 1n, pruned.number) : undefined;
    if (ancestor === undefined || !equalBytes(ancestor, pruned.hash)) {
      throw new StateNotAvailableError(base, `the parent of block ${block.number} is not on the chain of retained states (pruned up to block ${pruned.number})`);
    }
  }

  /**
   * Puts a commit's journal entry (and the head, when it moves) into its batch. Called inside the
   * write lock, right before the batch is written.
   */
  journal(record: CommitRecord, head: boolean, batch: BatchWriter): BlockRecord {
    const seq = this.#nextSeq++;
    const entry: JournalEntry = { seq, ...record };
    this.segments.journal.within(batch).put(seqKey(seq), encodeEntry(entry));
    if (head) this.segments.metadata.within(batch).put(HEAD_KEY, encodeHead({ number: record.number, hash: record.hash }));
    if (this.#recent) {
      for (const hash of splitHashes(record.insertedNodes)) this.#recent.add(`${NODE}${hashKey(hash)}`);
      for (const hash of splitHashes(record.insertedCode)) this.#recent.add(`${CODE}${hashKey(hash)}`);
    }
    return { seq, number: record.number, hash: record.hash, parentHash: record.parentHash, root: record.root };
  }

  /** Called, still inside the write lock, once the batch holding `record` is written. */
  committed(record: BlockRecord, head: boolean): void {
    this.#index.add(record);
    this.#writtenSeq = record.seq;
    if (head) this.#head = { number: record.number, hash: record.hash };
    this.schedule();
  }

  /** Makes a journaled block the head (after a reorganisation). */
  async setHead(hash: Uint8Array): Promise<void> {
    const record = this.#index.get(hash);
    if (record === undefined) throw new PruningError(`block ${bytesToHex(hash)} has no state commit that is still retained`);
    const pruned = this.#progress.pruned;
    if (pruned && !equalBytes(this.#index.ancestorAt(record.hash, record.number, pruned.number) ?? new Uint8Array(0), pruned.hash)) {
      throw new PruningError(`block ${bytesToHex(hash)} branches off below the retained window (pruned up to block ${pruned.number})`);
    }
    const head = { number: record.number, hash: record.hash };
    await this.lock.run(() => this.segments.metadata.put(HEAD_KEY, encodeHead(head)));
    this.#head = head;
    this.schedule();
  }

  /** Starts a background pass unless one is running (a running one picks the new work up). */
  schedule(): void {
    this.#wanted = true;
    if (this.#running || this.#closed || this.#failure) return;
    this.#running = this.#loop().finally(() => {
      this.#running = undefined;
    });
  }

  /** Resolves when pruning has caught up with every commit so far (or has failed). */
  async idle(): Promise<void> {
    this.schedule();
    while (this.#running) await this.#running;
  }

  /** Stops after the step in progress. */
  async close(): Promise<void> {
    this.#closed = true;
    while (this.#running) await this.#running;
  }

  /**
   * Where pruning stands: the last commit written and the last whose insertions are counted, the
   * last height pruned, how many journal entries wait, and the failure that stopped it, if any.
   */
  status(): { writtenSeq: bigint; ingestedSeq: bigint; prunedThrough: bigint | undefined; journaled: number; failure: Error | undefined } {
    return { writtenSeq: this.#writtenSeq, ingestedSeq: this.#progress.ingestedSeq, prunedThrough: this.#progress.pruned?.number, journaled: this.#index.size, failure: this.#failure };
  }

  async #loop(): Promise<void> {
    try {
      while (!this.#closed) {
        this.#wanted = false;
        const worked = await this.#step();
        if (!worked && !this.#wanted) return;
        // Let block import and readers run between steps.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      this.#failure = error instanceof Error ? error : new Error(String(error));
      this.options.onError?.(this.#failure);
    } finally {
      this.#recent = undefined;
    }
  }

  /** The height whose removals may be applied next, when the retained window allows it. */
  #nextHeight(): bigint | undefined {
    const next = this.#progress.pruned ? this.#progress.pruned.number + 1n : this.#index.lowestNumber();
    const head = this.#head;
    return head && next !== undefined && next <= head.number - BigInt(this.options.blocksRetained) + 1n ? next : undefined;
  }

  async #step(): Promise<boolean> {
    const height = this.#nextHeight();
    if (this.#writtenSeq === this.#progress.ingestedSeq && height === undefined) return false;
    // Taken under the lock, so that no commit is between journaling and finishing its write:
    // every entry up to the snapshot is in the store, and every later one reports to `#recent`.
    const snapshot = await this.lock.run(async () => {
      this.#recent = new Set();
      return this.#writtenSeq;
    });
    const deltas = new CountDeltas();
    await this.#ingest(snapshot, deltas);
    let processed: BlockRecord[] = [];
    let pruned = this.#progress.pruned;
    if (height !== undefined) {
      const canonical = this.#index.ancestorAt(this.#head!.hash, this.#head!.number, height);
      if (canonical === undefined) throw new PruningError(`cannot find the canonical block at height ${height} from the head by parent links`);
      processed = this.#index.atOrBelow(height, snapshot);
      for (const record of processed) {
        const entry = await this.#entry(record.seq);
        const applies = record.number === height && equalBytes(record.hash, canonical) && this.#index.isFirst(record);
        if (applies) await this.#applyRemovals(entry, deltas);
        else this.#takeBackInsertions(entry, deltas);
      }
      pruned = { number: height, hash: canonical };
    }
    const changes = deltas.entries();
    const stored = await this.segments.counts.getMany(changes.map((c) => countKey(c.kind, c.hash)));
    const deleted: Uint8Array[] = [];
    const written = await this.lock.run(async () => {
      // A reorganisation while the step ran may have changed the canonical block it pruned: redo.
      if (pruned && pruned !== this.#progress.pruned && !equalBytes(this.#index.ancestorAt(this.#head!.hash, this.#head!.number, pruned.number) ?? new Uint8Array(0), pruned.hash)) {
        return false;
      }
      const batch = this.store.batch();
      const counts = this.segments.counts.within(batch);
      for (const [i, { kind, hash, delta }] of changes.entries()) {
        const count = decodeCount(stored[i]) + delta;
        if (count < 0) throw new PruningError(`the count of ${kind === NODE ? 'node' : 'code'} ${bytesToHex(hash)} fell below zero`);
        if (count > 0) {
          counts.put(countKey(kind, hash), encodeCount(count));
          continue;
        }
        counts.del(countKey(kind, hash));
        // Written again by a commit after this step's snapshot: it stays, and that commit's entry counts it next time.
        if (this.#recent!.has(`${kind}${hashKey(hash)}`)) continue;
        (kind === NODE ? this.segments.nodes : this.segments.code).within(batch).del(hash);
        if (kind === NODE) deleted.push(hash);
      }
      for (const record of processed) this.segments.journal.within(batch).del(seqKey(record.seq));
      const progress: PruningProgress = { ingestedSeq: snapshot, pruned };
      this.segments.metadata.within(batch).put(PROGRESS_KEY, encodeProgress(progress));
      await batch.write();
      this.#progress = progress;
      this.#recent = undefined;
      return true;
    });
    if (!written) return true;
    for (const hash of deleted) this.nodes.forget(hash);
    for (const record of processed) this.#index.remove(record);
    return true;
  }

  async #entry(seq: bigint): Promise<JournalEntry> {
    const bytes = await this.segments.journal.get(seqKey(seq));
    if (bytes === undefined) throw new PruningError(`pruning journal entry ${seq} is missing`);
    return decodeEntry(seq, bytes);
  }

  /** Counts the insertions of the journal entries written since the last step. */
  async #ingest(snapshot: bigint, deltas: CountDeltas): Promise<void> {
    if (snapshot === this.#progress.ingestedSeq) return;
    const range = { gt: seqKey(this.#progress.ingestedSeq), lte: seqKey(snapshot) };
    for await (const [key, value] of this.segments.journal.iterate(range)) {
      const entry = decodeEntry(seqOfKey(key), value);
      for (const hash of splitHashes(entry.insertedNodes)) deltas.add(NODE, hash, 1);
      for (const hash of splitHashes(entry.insertedCode)) deltas.add(CODE, hash, 1);
    }
  }

  /** The canonical block of a height leaving the window: the places it gave up are gone for good. */
  async #applyRemovals(entry: JournalEntry, deltas: CountDeltas): Promise<void> {
    for (const hash of splitHashes(entry.removedNodes)) deltas.add(NODE, hash, -1);
    for (const hash of splitHashes(entry.removedCode)) deltas.add(CODE, hash, -1);
    for (const root of splitHashes(entry.removedStorageRoots)) await forEachPlace(this.nodes, root, (hash) => deltas.add(NODE, hash, -1));
  }

  /** A side block (or a repeated commit of a block) leaving the window: its places never were retained. */
  #takeBackInsertions(entry: JournalEntry, deltas: CountDeltas): void {
    for (const hash of splitHashes(entry.insertedNodes)) deltas.add(NODE, hash, -1);
    for (const hash of splitHashes(entry.insertedCode)) deltas.add(CODE, hash, -1);
  }
}
