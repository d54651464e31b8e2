import { bytesToHex, equalBytes } from '@cairn/common';
import type { Peer } from '@cairn/devp2p';
import { fetchHeaders } from './fetch-headers';

/** What this node believes a peer's best block is. */
export interface PeerHead {
  readonly hash: Uint8Array;
  readonly number: bigint;
  /** From Status or NewBlock; a lower bound once the head moved by a hash announcement. */
  readonly totalDifficulty: bigint;
}

/** The local head, for comparing peers with. */
export interface LocalHead {
  readonly hash: Uint8Array;
  readonly number: bigint;
  readonly totalDifficulty: bigint;
}

/**
 * The best block of every connected peer: first the head its Status names (whose number comes
 * from asking the peer for that header), then whatever it announces, and what probing finds
 * (asking for the block after the local head tells whether the peer has more).
 */
export class PeerHeads {
  private readonly heads = new Map<string, PeerHead>();

  get(peer: Peer): PeerHead | undefined {
    return this.heads.get(bytesToHex(peer.nodeId));
  }

  forget(peer: Peer): void {
    this.heads.delete(bytesToHex(peer.nodeId));
  }

  /** Learns a new peer's head: the header its Status names. A peer that will not serve it stays unknown. */
  async learn(peer: Peer): Promise<PeerHead | undefined> {
    const { headHash, totalDifficulty } = peer.status;
    const [header] = await fetchHeaders(peer, { origin: headHash, limit: 1 });
    if (!header || !equalBytes(header.hash(), headHash)) return undefined;
    return this.raise(peer, { hash: headHash, number: header.number, totalDifficulty });
  }

  /**
   * Asks the peer for the block after the local head: if it has one that builds on the local
   * head, it is ahead by at least that block (and its total difficulty by at least that block's).
   */
  async probe(peer: Peer, local: LocalHead): Promise<PeerHead | undefined> {
    const [header] = await fetchHeaders(peer, { origin: local.number + 1n, limit: 1 });
    if (!header) return this.get(peer);
    const td = equalBytes(header.parentHash, local.hash) ? local.totalDifficulty + header.difficulty : local.totalDifficulty;
    return this.raise(peer, { hash: header.hash(), number: header.number, totalDifficulty: td });
  }

  /**
   * Records a head the peer announced or was seen to have, if it is beyond the one known. A
   * hash announcement carries no total difficulty: the known one is kept as a lower bound.
   */
  raise(peer: Peer, head: { hash: Uint8Array; number: bigint; totalDifficulty?: bigint }): PeerHead {
    const key = bytesToHex(peer.nodeId);
    const known = this.heads.get(key);
    const td = head.totalDifficulty ?? known?.totalDifficulty ?? peer.status.totalDifficulty;
    if (known && known.number >= head.number && known.totalDifficulty >= td) return known;
    const next = { hash: head.hash, number: head.number, totalDifficulty: known && known.totalDifficulty > td ? known.totalDifficulty : td };
    this.heads.set(key, next);
    return next;
  }

  /**
   * The peer with the best chain beyond the local head: the most total difficulty, then the
   * highest block (after the Merge total difficulty stops growing, so the height decides).
   * Undefined when no peer is known to be ahead.
   */
  best(peers: readonly Peer[], local: LocalHead, exclude: (peer: Peer) => boolean = () => false): { peer: Peer; head: PeerHead } | undefined {
    let best: { peer: Peer; head: PeerHead } | undefined;
    for (const peer of peers) {
      const head = this.get(peer);
      if (!head || exclude(peer) || !isAhead(head, local)) continue;
      if (!best || isAhead(head, best.head)) best = { peer, head };
    }
    return best;
  }
}

/** Whether `head` is a better chain than `than`: more work, or as much and longer. */
export function isAhead(head: PeerHead, than: PeerHead | LocalHead): boolean {
  if (head.totalDifficulty !== than.totalDifficulty) return head.totalDifficulty > than.totalDifficulty;
  return head.number > than.number;
}
