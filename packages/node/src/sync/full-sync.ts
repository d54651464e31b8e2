import type { Blockchain, SenderRecovery } from '@cairn/chain';
import { bytesToHex, equalBytes } from '@cairn/common';
import type { Peer, PeerRef } from '@cairn/devp2p';
import type { BlockImporter } from '../chain/block-importer';
import type { Logger } from '../logging/logger';
import { peerKey } from './body-tasks';
import { DownloadRound, type RoundSummary } from './download-round';
import { isAhead, type LocalHead, PeerHeads } from './peer-heads';
import { DEFAULT_SYNC_OPTIONS, type SyncOptions } from './sync-options';
import { abortable, SyncError } from './sync-errors';
import type { SyncState } from './sync-state';

/** Where the sync finds peers: the peer manager. */
export interface PeerSource {
  peers(): Peer[];
  onPeerAdded(listener: (peer: Peer) => void): void;
  onPeerRemoved(listener: (event: { peer: Peer }) => void): void;
}

export interface FullSyncDependencies {
  readonly chain: Blockchain;
  readonly importer: BlockImporter;
  readonly senders: SenderRecovery;
  readonly status: SyncState;
  readonly log: Logger;
  readonly options?: Partial<SyncOptions>;
  /** Told after each round that imported blocks (the node announces its new head). */
  readonly onRoundImported?: (summary: RoundSummary) => void;
}

/**
 * Full sync: keeps the local chain at the best peer's head. Whenever a peer is known to be
 * ahead (its Status, its announcements, or a probe for the block after the local head), a
 * `DownloadRound` downloads, checks and imports the blocks up to its head; then the sync waits
 * for the next announcement, probing peers now and then. Each block is imported in its own
 * atomic write, so a sync that is killed resumes from the stored head on restart.
 */
export class FullSync {
  readonly heads = new PeerHeads();
  private readonly deps: FullSyncDependencies;
  private readonly options: SyncOptions;
  private readonly abort = new AbortController();
  /** Peers whose announced head a round found nothing beyond: not chosen again until they announce another. */
  private readonly settled = new Map<string, string>();
  private source: PeerSource | undefined;
  private running: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private roundActive = false;

  constructor(deps: FullSyncDependencies) {
    this.deps = deps;
    this.options = { ...DEFAULT_SYNC_OPTIONS, ...deps.options };
  }

  /** Whether a round is downloading now (announced blocks then wait for it). */
  get isSyncing(): boolean {
    return this.roundActive;
  }

  start(source: PeerSource): void {
    this.source = source;
    source.onPeerAdded((peer) => this.learn(peer));
    source.onPeerRemoved(({ peer }) => {
      this.heads.forget(peer);
      this.settled.delete(peerKey(peer));
    });
    for (const peer of source.peers()) this.learn(peer);
    this.running = this.loop();
  }

  /** Stops the sync, letting a block being imported finish. */
  async stop(): Promise<void> {
    this.abort.abort();
    this.wake?.();
    await this.running;
  }

  /** Looks again for a peer to sync from (after an announcement). */
  trigger(): void {
    this.wake?.();
  }

  /** The connected peer behind a reference from the eth layer. */
  peerOf(ref: PeerRef): Peer | undefined {
    return this.source?.peers().find((p) => equalBytes(p.nodeId, ref.nodeId));
  }

  localHead(): LocalHead {
    const { head, headTotalDifficulty } = this.deps.chain;
    return { hash: head.hash(), number: head.header.number, totalDifficulty: headTotalDifficulty };
  }

  private learn(peer: Peer): void {
    this.heads.learn(peer).then(
      () => this.trigger(),
      (error: Error) => this.deps.log.debug(`could not learn the head of ${peer.address}: ${error.message}`),
    );
  }

  private async loop(): Promise<void> {
    const { status, log } = this.deps;
    while (!this.abort.signal.aborted) {
      const peers = this.source?.peers() ?? [];
      const choice = this.heads.best(peers, this.localHead(), (p) => this.settled.get(peerKey(p)) === bytesToHex(this.heads.get(p)?.hash ?? new Uint8Array(0)));
      if (!choice) {
        status.end();
        await this.idle();
        continue;
      }
      this.roundActive = true;
      const started = performance.now();
      try {
        const summary = await new DownloadRound(this.roundContext(), choice.peer).run(choice.head, this.abort.signal);
        if (summary.imported > 0) {
          this.logRound(summary, choice.peer, performance.now() - started);
          this.deps.onRoundImported?.(summary);
        }
        this.settleIfNotAhead(choice.peer);
      } catch (error) {
        if (this.abort.signal.aborted) break;
        if (error instanceof SyncError) {
          log.debug(`sync round with ${choice.peer.address} ended: ${error.message}`);
          if (error.code === 'PEER_UNRESPONSIVE' || error.code === 'NO_COMMON_ANCESTOR') this.settleIfNotAhead(choice.peer, true);
        } else log.error(`sync round with ${choice.peer.address} failed`, error);
        if (error instanceof SyncError && error.code === 'CHAIN_MOVED') continue;
        await this.sleep(this.options.retryDelayMs);
      } finally {
        this.roundActive = false;
      }
    }
    status.end();
  }

  private logRound(summary: RoundSummary, peer: Peer, ms: number): void {
    const seconds = ms / 1000;
    const rate = seconds > 0 ? ` in ${seconds.toFixed(1)} s (${(summary.imported / seconds).toFixed(1)} blocks/s, ${(Number(summary.gasUsed) / 1e6 / seconds).toFixed(1)} Mgas/s)` : '';
    const message = `imported ${summary.imported} blocks from ${peer.address} to #${this.deps.chain.head.header.number}${rate}`;
    this.deps.log.info(message);
  }

  /** After a round, a peer still said to be ahead has nothing more to give for that head. */
  private settleIfNotAhead(peer: Peer, always = false): void {
    const head = this.heads.get(peer);
    if (head && (always || isAhead(head, this.localHead()))) this.settled.set(peerKey(peer), bytesToHex(head.hash));
  }

  /** Waits for a trigger, or probes the peers when none comes within the probe interval. */
  private async idle(): Promise<void> {
    const woken = await this.sleep(this.options.probeIntervalMs);
    if (woken || this.abort.signal.aborted) return;
    const local = this.localHead();
    const probes = Promise.all((this.source?.peers() ?? []).map((peer) => this.heads.probe(peer, local).catch(() => undefined)));
    await abortable(probes, this.abort.signal).catch(() => undefined);
  }

  /** Sleeps up to `ms`; resolves true when woken early by `trigger` or `stop`. */
  private sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve(false);
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve(true);
      };
    });
  }

  private roundContext() {
    return { ...this.deps, heads: this.heads, options: this.options, peers: () => this.source?.peers() ?? [] };
  }
}
