import type { BlockHeader } from '@cairn/chain';
import { bytesToHex } from '@cairn/common';
import type { Peer } from '@cairn/devp2p';

/** A run of consecutive headers whose bodies are still to be fetched, and the peers that had none of them. */
export interface BodyTask {
  readonly headers: readonly BlockHeader[];
  readonly declinedBy: ReadonlySet<string>;
}

export function peerKey(peer: Peer): string {
  return bytesToHex(peer.nodeId);
}

/**
 * The bodies a round still needs, lowest blocks first (so that import, which goes in order, is
 * never kept waiting by a later task), and how each peer is doing: requests in flight, and
 * strikes for timeouts and empty answers. A peer with too many strikes, or one that broke the
 * protocol, is left out of the rest of the round.
 */
export class BodyTasks {
  private readonly tasks: BodyTask[] = [];
  private readonly inFlight = new Map<string, number>();
  private readonly strikes = new Map<string, number>();
  private readonly excluded = new Set<string>();
  private readonly maxStrikes: number;

  constructor(maxStrikes: number) {
    this.maxStrikes = maxStrikes;
  }

  get size(): number {
    return this.tasks.length;
  }

  get requestsInFlight(): number {
    let n = 0;
    for (const count of this.inFlight.values()) n += count;
    return n;
  }

  /** Adds `headers` in tasks of at most `perTask`. */
  add(headers: readonly BlockHeader[], perTask: number): void {
    for (let i = 0; i < headers.length; i += perTask) this.put({ headers: headers.slice(i, i + perTask), declinedBy: new Set() });
  }

  /** Puts a task (back) in its place by block number. */
  put(task: BodyTask): void {
    const first = task.headers[0].number;
    let i = this.tasks.length;
    while (i > 0 && this.tasks[i - 1].headers[0].number > first) i--;
    this.tasks.splice(i, 0, task);
  }

  /** The lowest task, if `choose` finds a peer for it; the pair is then taken out and counted as in flight. */
  next(choose: (task: BodyTask, busy: (peer: Peer) => number) => Peer | undefined): { task: BodyTask; peer: Peer } | undefined {
    const task = this.tasks[0];
    if (!task) return undefined;
    const peer = choose(task, (p) => this.inFlight.get(peerKey(p)) ?? 0);
    if (!peer) return undefined;
    this.tasks.shift();
    this.inFlight.set(peerKey(peer), (this.inFlight.get(peerKey(peer)) ?? 0) + 1);
    return { task, peer };
  }

  /** A request to `peer` ended, however it did. */
  done(peer: Peer): void {
    const key = peerKey(peer);
    const left = (this.inFlight.get(key) ?? 1) - 1;
    if (left > 0) this.inFlight.set(key, left);
    else this.inFlight.delete(key);
  }

  strike(peer: Peer): void {
    const key = peerKey(peer);
    const count = (this.strikes.get(key) ?? 0) + 1;
    this.strikes.set(key, count);
    if (count >= this.maxStrikes) this.excluded.add(key);
  }

  exclude(peer: Peer): void {
    this.excluded.add(peerKey(peer));
  }

  isExcluded(peer: Peer): boolean {
    return this.excluded.has(peerKey(peer)) || !peer.session.isOpen;
  }
}
