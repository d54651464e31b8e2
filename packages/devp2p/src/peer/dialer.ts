import { bytesToHex } from '@cairn/common';
import type { Enode } from './enode';
import type { PeerManager } from './peer-manager';

export interface DialerOptions {
  /** Dials in flight at once. */
  readonly concurrency: number;
  /** How long a node that could not be dialled is left alone. */
  readonly retryAfterMs: number;
  /** How often the dialer looks for candidates when below the peer limit. */
  readonly intervalMs: number;
  readonly maxPeers: number;
}

/**
 * Keeps the peer count up: while below `--max-peers`, dials candidates from discovery (and any
 * static nodes), a few at a time, leaving a node alone for a while after a failed dial.
 */
export class Dialer {
  private readonly manager: PeerManager;
  private readonly candidates: () => Iterable<Enode>;
  private readonly options: DialerOptions;
  private readonly failedAt = new Map<string, number>();
  private readonly inFlight = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  /** `candidates` is read on each round; discovery's table (TCP endpoints) is the usual source. */
  constructor(manager: PeerManager, candidates: () => Iterable<Enode>, options: DialerOptions) {
    this.manager = manager;
    this.candidates = candidates;
    this.options = options;
  }

  start(): void {
    this.timer = setInterval(() => this.round(), this.options.intervalMs);
    this.round();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass: dials as many candidates as the free slots and the concurrency allow. */
  round(): void {
    const connected = new Set(this.manager.peers().map((p) => bytesToHex(p.nodeId)));
    const now = Date.now();
    for (const node of this.candidates()) {
      const free = this.options.maxPeers - this.manager.peerCount - this.inFlight.size;
      if (free <= 0 || this.inFlight.size >= this.options.concurrency) return;
      const key = bytesToHex(node.id);
      const failed = this.failedAt.get(key);
      if (connected.has(key) || this.inFlight.has(key) || node.tcpPort === 0) continue;
      if (failed !== undefined && now - failed < this.options.retryAfterMs) continue;
      this.inFlight.add(key);
      this.manager
        .connect(node)
        .then(
          () => this.failedAt.delete(key),
          () => this.failedAt.set(key, Date.now()),
        )
        .finally(() => this.inFlight.delete(key));
    }
  }
}
