import { bytesToHex } from '@cairn/common';
import type { Enode } from '@cairn/devp2p';

/**
 * The static peers (Besu's "maintained connections"): nodes added by admin_addPeer, which the
 * dialer keeps connected whatever discovery finds. Keyed by node id, so adding a node again at
 * another address replaces its endpoint.
 */
export class StaticPeers {
  private readonly nodes = new Map<string, Enode>();

  /** True when the node was not a static peer yet. */
  add(node: Enode): boolean {
    const key = bytesToHex(node.id);
    const known = this.nodes.has(key);
    this.nodes.set(key, node);
    return !known;
  }

  /** True when the node was a static peer. */
  remove(node: Enode): boolean {
    return this.nodes.delete(bytesToHex(node.id));
  }

  all(): Enode[] {
    return [...this.nodes.values()];
  }
}
