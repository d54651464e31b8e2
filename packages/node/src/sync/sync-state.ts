import { EventChannel, type EventSource, type SyncStatus, type Unsubscribe } from '@cairn/rpc';

/**
 * The sync progress eth_syncing and the `syncing` subscription report: null while the node is
 * at the head of its best peer, else where the sync started, where it is and where it goes.
 * Listeners hear of the start and the end at once, and of progress at most once per
 * `progressIntervalMs`, so that a fast sync does not flood subscribers.
 */
export class SyncState implements EventSource<SyncStatus | null> {
  private current: SyncStatus | null = null;
  private readonly channel: EventChannel<SyncStatus | null>;
  private lastEmit = 0;
  private readonly progressIntervalMs: number;
  private readonly now: () => number;

  /** A listener that throws is isolated (see `EventChannel`); its error goes to `onListenerError`. */
  constructor(onListenerError: (error: unknown) => void, progressIntervalMs = 1000, now: () => number = Date.now) {
    this.channel = new EventChannel(onListenerError);
    this.progressIntervalMs = progressIntervalMs;
    this.now = now;
  }

  status(): SyncStatus | null {
    return this.current;
  }

  subscribe(listener: (status: SyncStatus | null) => void): Unsubscribe {
    return this.channel.subscribe(listener);
  }

  /** A sync from `startingBlock` towards `highestBlock` begins (or, if one is on, its target moves). */
  begin(startingBlock: bigint, highestBlock: bigint): void {
    if (this.current) {
      this.progress(this.current.currentBlock, highestBlock);
      return;
    }
    this.current = { startingBlock, currentBlock: startingBlock, highestBlock };
    this.emit(true);
  }

  /** The local head reached `currentBlock`; `highestBlock` rises when the target is found to be further. */
  progress(currentBlock: bigint, highestBlock?: bigint): void {
    if (!this.current) return;
    const highest = highestBlock !== undefined && highestBlock > this.current.highestBlock ? highestBlock : this.current.highestBlock;
    this.current = { ...this.current, currentBlock, highestBlock: highest > currentBlock ? highest : currentBlock };
    this.emit(false);
  }

  /** The node is in sync (or gave up for now); reported at once. */
  end(): void {
    if (!this.current) return;
    this.current = null;
    this.emit(true);
  }

  private emit(always: boolean): void {
    const now = this.now();
    if (!always && now - this.lastEmit < this.progressIntervalMs) return;
    this.lastEmit = now;
    this.channel.emit(this.current);
  }
}
