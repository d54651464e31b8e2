import { type BlockHeader, decodeHeader } from '@cairn/chain';
import { bytesToHex, equalBytes } from '@cairn/common';
import type { Peer } from '@cairn/devp2p';
import { peerFault, SyncError } from './sync-errors';

/** A header request: from a block (by hash or number), `limit` headers, walking down when `reverse`. */
export interface HeaderRequest {
  readonly origin: Uint8Array | bigint;
  readonly limit: number;
  readonly reverse?: boolean;
}

/**
 * Asks `peer` for headers and decodes them. A header that does not decode is the peer's fault:
 * it is disconnected and the request fails with `SyncError` PEER_FAULT.
 */
export async function fetchHeaders(peer: Peer, request: HeaderRequest): Promise<BlockHeader[]> {
  const encoded = await peer.eth.getBlockHeaders({ origin: request.origin, limit: BigInt(request.limit), skip: 0n, reverse: request.reverse ?? false });
  try {
    return encoded.map((bytes) => decodeHeader(bytes));
  } catch (error) {
    throw peerFault(peer, 'BAD_HEADER', `undecodable header: ${(error as Error).message}`);
  }
}

/**
 * Up to `limit` consecutive headers from number `from`, checked to form a chain: each the
 * parent of the next, the first a child of `parentHash`. A broken link inside the answer is the
 * peer's fault; a first header that does not build on `parentHash` means the peer's canonical
 * chain changed since the previous batch (`SyncError` CHAIN_MOVED).
 */
export async function fetchHeaderChain(peer: Peer, from: bigint, limit: number, parentHash: Uint8Array): Promise<BlockHeader[]> {
  const headers = await fetchHeaders(peer, { origin: from, limit });
  for (const [i, header] of headers.entries()) {
    if (header.number !== from + BigInt(i)) throw peerFault(peer, 'BAD_HEADERS', `asked for headers from #${from}, got #${header.number} at position ${i}`);
    const expected = i === 0 ? parentHash : headers[i - 1].hash();
    if (equalBytes(header.parentHash, expected)) continue;
    if (i === 0) throw new SyncError('CHAIN_MOVED', `${peer.address}: header #${from} no longer builds on ${bytesToHex(parentHash)}`);
    throw peerFault(peer, 'BAD_HEADERS', `header #${header.number} does not build on the header before it`);
  }
  return headers;
}

/** How far back a common ancestor is looked for: beyond it the peer is on another chain for this node's purposes. */
export const MAX_ANCESTOR_DEPTH = 65_536n;
const ANCESTOR_BATCH = 64;

/**
 * The highest block this node and `peer` both have on their canonical chains, looking down from
 * `fromNumber` (the lower of the two heads) in batches. Genesis is shared (Status checked it), so
 * the search ends; a peer that has no header where it should is unresponsive.
 */
export async function findCommonAncestor(
  peer: Peer,
  canonicalHash: (number: bigint) => Promise<Uint8Array | undefined>,
  fromNumber: bigint,
): Promise<{ number: bigint; hash: Uint8Array }> {
  let top = fromNumber;
  while (top >= 0n && fromNumber - top < MAX_ANCESTOR_DEPTH) {
    const limit = top + 1n < BigInt(ANCESTOR_BATCH) ? Number(top + 1n) : ANCESTOR_BATCH;
    const headers = await fetchHeaders(peer, { origin: top, limit, reverse: true });
    if (headers.length === 0) throw new SyncError('PEER_UNRESPONSIVE', `${peer.address} has no header #${top}`);
    for (const [i, header] of headers.entries()) {
      if (header.number !== top - BigInt(i)) throw peerFault(peer, 'BAD_HEADERS', `asked for headers down from #${top}, got #${header.number} at position ${i}`);
      const local = await canonicalHash(header.number);
      if (local && equalBytes(local, header.hash())) return { number: header.number, hash: local };
    }
    // An answer may be shorter than asked (the peer's size limits): go on below its last header.
    top -= BigInt(headers.length);
  }
  throw new SyncError('NO_COMMON_ANCESTOR', `${peer.address} shares no block with this node in the last ${MAX_ANCESTOR_DEPTH} below #${fromNumber}`);
}
