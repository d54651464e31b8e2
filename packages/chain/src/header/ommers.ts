import { hexToBytes, keccak256, rlpEncode } from '@cairn/common';
import type { BlockHeader } from './header';

/** keccak256(rlp([])): the ommers hash of a block without ommers, and of every block since the Merge. */
export const EMPTY_OMMERS_HASH = hexToBytes('0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347');

/** The ommers hash a header commits to: keccak256 of the RLP list of the ommer headers. */
export function ommersHash(ommers: readonly BlockHeader[]): Uint8Array {
  return ommers.length === 0 ? EMPTY_OMMERS_HASH : keccak256(rlpEncode(ommers.map((o) => o.toRlp())));
}
