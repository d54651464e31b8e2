import { Block, type Blockchain, type BlockHeader, type SenderRecovery } from '@cairn/chain';
import { bytesToHex } from '@cairn/common';
import type { Peer } from '@cairn/devp2p';
import type { BlockImporter } from '../chain/block-importer';
import type { Logger } from '../logging/logger';
import { assembleBlock, emptyBody, hasEmptyBody } from './assemble-block';
import { type BodyTask, BodyTasks, peerKey } from './body-tasks';
import { fetchHeaderChain, findCommonAncestor } from './fetch-headers';
import type { PeerHead, PeerHeads } from './peer-heads';
import type { SyncOptions } from './sync-options';
import { abortable, isInvalidBlockError, peerFault, SyncError } from './sync-errors';
import type { SyncState } from './sync-state';

/** How often a long round logs its progress. */
const PROGRESS_LOG_MS = 5_000;

const compareBigInt = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

/** What a round works with. */
export interface RoundContext {
  readonly chain: Blockchain;
  readonly importer: BlockImporter;
  readonly senders: SenderRecovery;
  readonly heads: PeerHeads;
  readonly status: SyncState;
  readonly options: SyncOptions;
  readonly log: Logger;
  /** The connected peers, any of which may serve bodies. */
  peers(): readonly Peer[];
}

/** What a round did. */
export interface RoundSummary {
  readonly imported: number;
  readonly gasUsed: bigint;
  /** The last block imported, if any. */
  readonly last: Block | undefined;
}

/**
 * One sync round towards a target peer: finds the common ancestor, then downloads headers from
 * the target in batches (checked to form a chain), bodies from every peer that has them (checked
 * against their headers), and imports the blocks in order as they complete. Header download runs
 * at most `maxBlocksAhead` blocks ahead of import. The round ends when the target has no further
 * header and everything fetched is imported, or fails with a `SyncError` (a faulty peer has
 * then been disconnected) or with the import's own failure.
 */
export class DownloadRound {
  private readonly ctx: RoundContext;
  private readonly target: Peer;
  private readonly bodies: BodyTasks;
  private readonly ready = new Map<bigint, Block>();
  private nextHeader = 0n;
  private nextImport = 0n;
  private lastHash: Uint8Array = new Uint8Array(0);
  private headersDone = false;
  private headerInFlight = false;
  private importing: Promise<void> | undefined;
  private settle: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  private finished = false;
  private imported = 0;
  private gasUsed = 0n;
  private last: Block | undefined;
  private lastProgressLog = 0;

  constructor(ctx: RoundContext, target: Peer) {
    this.ctx = ctx;
    this.target = target;
    this.bodies = new BodyTasks(ctx.options.maxStrikes);
  }

  async run(targetHead: PeerHead, signal: AbortSignal): Promise<RoundSummary> {
    const { chain, status, options } = this.ctx;
    const local = chain.head.header.number;
    // The search starts at the lower of the two heads: neither has a block above it to compare.
    const ancestor = await abortable(findCommonAncestor(this.target, (n) => chain.blocks.canonicalHash(n), [local, targetHead.number].sort(compareBigInt)[0]), signal);
    this.nextHeader = this.nextImport = ancestor.number + 1n;
    this.lastHash = ancestor.hash;
    if (targetHead.number > local + options.inSyncTolerance) {
      status.begin(local, targetHead.number);
      this.ctx.log.info(`syncing from ${this.target.address}: head #${local}, common ancestor #${ancestor.number}, target #${targetHead.number}`);
    }
    this.lastProgressLog = performance.now();
    const done = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    const abort = () => this.fail(new SyncError('PEER_UNRESPONSIVE', 'sync stopped'));
    signal.addEventListener('abort', abort);
    if (signal.aborted) abort();
    this.pump();
    try {
      await done;
    } finally {
      this.finished = true;
      signal.removeEventListener('abort', abort);
      await this.importing;
    }
    return { imported: this.imported, gasUsed: this.gasUsed, last: this.last };
  }

  /** Starts whatever can start: the next header batch, body requests, the importer; ends the round when all is done. */
  private pump(): void {
    if (this.finished) return;
    const { options } = this.ctx;
    if (!this.headersDone && !this.headerInFlight && this.nextHeader - this.nextImport < BigInt(options.maxBlocksAhead)) this.fetchHeaders();
    this.assignBodies();
    if (!this.importing && this.ready.has(this.nextImport)) {
      this.importing = this.importReady().finally(() => {
        this.importing = undefined;
        this.pump();
      });
    }
    if (this.headersDone && this.nextImport >= this.nextHeader && !this.importing) this.finish();
  }

  private fetchHeaders(): void {
    if (this.bodies.isExcluded(this.target)) {
      this.fail(new SyncError('PEER_UNRESPONSIVE', `sync target ${this.target.address} stopped serving headers`));
      return;
    }
    this.headerInFlight = true;
    const limit = this.ctx.options.headersPerRequest;
    fetchHeaderChain(this.target, this.nextHeader, limit, this.lastHash).then(
      (headers) => {
        this.headerInFlight = false;
        if (this.finished) return;
        this.addHeaders(headers);
        // A short answer means the target has nothing further: its head is the last header.
        if (headers.length < limit) this.headersDone = true;
        this.pump();
      },
      (error) => {
        this.headerInFlight = false;
        if (error instanceof SyncError) this.fail(error);
        else {
          this.bodies.strike(this.target);
          this.pump();
        }
      },
    );
  }

  private addHeaders(headers: readonly BlockHeader[]): void {
    const last = headers.at(-1);
    if (!last) return;
    const needBodies: BlockHeader[] = [];
    for (const header of headers) {
      if (hasEmptyBody(header)) this.ready.set(header.number, new Block(header, emptyBody(header)));
      else needBodies.push(header);
    }
    // Tasks of consecutive headers: an empty block in between splits nothing, its body is known.
    this.bodies.add(needBodies, this.ctx.options.bodiesPerRequest);
    this.nextHeader = last.number + 1n;
    this.lastHash = last.hash();
    this.ctx.heads.raise(this.target, { hash: this.lastHash, number: last.number });
    // The target may turn out to be further ahead than its announced head said.
    const head = this.ctx.chain.head.header.number;
    if (last.number > head + this.ctx.options.inSyncTolerance) this.ctx.status.begin(head, last.number);
    else this.ctx.status.progress(head, last.number);
  }

  /** Hands body tasks to peers with spare request slots, the least busy first. */
  private assignBodies(): void {
    const { options, heads } = this.ctx;
    for (;;) {
      let stranded = false;
      const next = this.bodies.next((task, busy) => {
        const lastNumber = task.headers[task.headers.length - 1].number;
        const able = this.ctx.peers().filter((p) => {
          if (this.bodies.isExcluded(p) || task.declinedBy.has(peerKey(p))) return false;
          return p === this.target || (heads.get(p)?.number ?? -1n) >= lastNumber;
        });
        stranded = able.length === 0;
        return able.filter((p) => busy(p) < options.bodyRequestsPerPeer).sort((a, b) => busy(a) - busy(b))[0];
      });
      if (next) this.requestBodies(next.peer, next.task);
      else {
        if (stranded) this.fail(new SyncError('PEER_UNRESPONSIVE', `no peer serves the bodies from #${this.nextImport}`));
        return;
      }
    }
  }

  private requestBodies(peer: Peer, task: BodyTask): void {
    peer.eth
      .getBlockBodies(task.headers.map((h) => h.hash()))
      .then(
        async (encoded) => {
          if (this.finished) return;
          if (encoded.length === 0) {
            this.bodies.strike(peer);
            this.bodies.put({ headers: task.headers, declinedBy: new Set([...task.declinedBy, peerKey(peer)]) });
            return;
          }
          let taken = 0;
          for (; taken < encoded.length; taken++) {
            const header = task.headers[taken];
            const block = await assembleBlock(header, encoded[taken]);
            if (block instanceof Block) {
              this.ready.set(header.number, block);
              continue;
            }
            peerFault(peer, 'BAD_BODY', `body of #${header.number} ${bytesToHex(header.hash())}: ${block.mismatch}`);
            this.bodies.exclude(peer);
            break;
          }
          if (taken < task.headers.length) this.bodies.put({ headers: task.headers.slice(taken), declinedBy: task.declinedBy });
        },
        () => {
          // Timeouts and request limits count against the peer; other failures (it left, or
          // broke the protocol and was disconnected) leave it out of the round.
          if (this.finished) return;
          this.bodies.strike(peer);
          this.bodies.put(task);
        },
      )
      .finally(() => {
        this.bodies.done(peer);
        this.pump();
      });
  }

  /** Imports the ready blocks in order; an invalid one ends the round and its header's provider (the target) is disconnected. */
  private async importReady(): Promise<void> {
    const { chain, importer, senders, status } = this.ctx;
    for (let block = this.ready.get(this.nextImport); block && !this.finished; block = this.ready.get(this.nextImport)) {
      this.ready.delete(this.nextImport);
      try {
        await senders.recover(block.transactions);
        const result = await importer.import(block);
        if (result.status !== 'known') this.gasUsed += result.gasUsed;
      } catch (error) {
        const { number } = block.header;
        if (isInvalidBlockError(error)) this.fail(peerFault(this.target, 'INVALID_BLOCK', `block #${number} ${bytesToHex(block.hash())}: ${error.code}: ${error.message}`));
        else this.fail(error);
        return;
      }
      this.imported++;
      this.last = block;
      this.nextImport++;
      status.progress(chain.head.header.number);
      this.logProgress();
      this.pump();
    }
  }

  /** A progress line every `PROGRESS_LOG_MS` of a long round. */
  private logProgress(): void {
    const now = performance.now();
    if (now - this.lastProgressLog < PROGRESS_LOG_MS) return;
    this.lastProgressLog = now;
    const highest = this.ctx.status.status()?.highestBlock;
    this.ctx.log.info(`synced to #${this.ctx.chain.head.header.number}${highest === undefined ? '' : ` of #${highest}`}`);
  }

  private finish(): void {
    this.finished = true;
    this.settle?.resolve();
  }

  private fail(error: unknown): void {
    if (this.finished) return;
    this.finished = true;
    this.settle?.reject(error);
  }
}
