import type { EthPeer } from './eth-peer';
import { txHash } from './transactions';

/**
 * Gossip to many peers the way geth and Besu do it: the whole item to the square root of the
 * peers that lack it, an announcement (hash) to the others, so that items spread fast without
 * every peer receiving every payload from every neighbour.
 */
function split<T>(peers: readonly T[]): { full: T[]; announce: T[] } {
  const count = Math.ceil(Math.sqrt(peers.length));
  return { full: peers.slice(0, count), announce: peers.slice(count) };
}

/** Sends a new block whole to some peers and announces its hash to the rest. */
export function broadcastBlock(peers: readonly EthPeer[], block: { encoded: Uint8Array; hash: Uint8Array; number: bigint; totalDifficulty: bigint }): void {
  const lacking = peers.filter((p) => !p.knownBlocks.has(block.hash));
  const { full, announce } = split(lacking);
  for (const peer of full) peer.sendNewBlock(block.encoded, block.hash, block.totalDifficulty);
  for (const peer of announce) peer.sendNewBlockHashes([{ hash: block.hash, number: block.number }]);
}

/** Sends transactions (binary form) whole to some peers and announces them to the rest. */
export function broadcastTransactions(peers: readonly EthPeer[], txs: readonly Uint8Array[]): void {
  const hashes = txs.map(txHash);
  const lacking = peers.filter((p) => hashes.some((h) => !p.transactions.known.has(h)));
  const { full, announce } = split(lacking);
  for (const peer of full) peer.transactions.send(txs);
  for (const peer of announce) peer.transactions.announce(txs);
}
