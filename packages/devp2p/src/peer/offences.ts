import { bytesToHex } from '@cairn/common';

/** One fault a peer committed, recorded when it was disconnected for it. */
export interface Offence {
  readonly nodeId: Uint8Array;
  readonly address: string;
  /** The fault's stable code (`INVALID_RLP`, `WRONG_NETWORK_ID`, `BAD_FRAME`, `INVALID_BLOCK`, …). */
  readonly code: string;
  readonly message: string;
  /** The Disconnect reason that was sent. */
  readonly reason: number;
  readonly at: number;
}

/**
 * The offences of peers, newest last, bounded in size. A node with an offence is refused for
 * `banMs` afterwards, so a misbehaving peer cannot reconnect at once and repeat it.
 */
export class OffenceLog {
  private readonly list: Offence[] = [];
  private readonly lastByNode = new Map<string, number>();
  private readonly capacity: number;
  private readonly banMs: number;
  private readonly now: () => number;

  constructor(banMs: number, capacity = 1000, now: () => number = Date.now) {
    this.banMs = banMs;
    this.capacity = capacity;
    this.now = now;
  }

  record(offence: Omit<Offence, 'at'>): Offence {
    const entry = { ...offence, at: this.now() };
    this.list.push(entry);
    if (this.list.length > this.capacity) this.list.shift();
    this.lastByNode.set(bytesToHex(offence.nodeId), entry.at);
    return entry;
  }

  /** Every recorded offence, oldest first. */
  all(): readonly Offence[] {
    return this.list;
  }

  isBanned(nodeId: Uint8Array): boolean {
    const at = this.lastByNode.get(bytesToHex(nodeId));
    return at !== undefined && this.now() - at < this.banMs;
  }
}
