import { asList, asUint, keccak256, type RlpInput, type RlpValue, rlpEncode } from '@cairn/common';
import { ProtocolError } from '../errors';
import { encodeListOfEncoded } from './rlp-raw';
import { decodeOrBreach, hashList } from './request-envelope';

/** One entry of NewBlockHashes. */
export interface BlockAnnouncement {
  readonly hash: Uint8Array;
  readonly number: bigint;
}

/** A NewBlock message: the whole block (still encoded) with the sender's total difficulty. */
export interface NewBlock {
  readonly hash: Uint8Array;
  readonly number: bigint;
  /** The block's RLP (`[header, transactions, ommers, withdrawals?]`) as it came on the wire. */
  readonly block: Uint8Array;
  readonly totalDifficulty: bigint;
}

/** Index of the number field in a header list (Yellow Paper order). */
const HEADER_NUMBER_INDEX = 8;

export function encodeNewBlockHashes(entries: readonly BlockAnnouncement[]): RlpInput {
  return entries.map((e) => [e.hash, e.number]);
}

export function decodeNewBlockHashes(value: RlpValue): BlockAnnouncement[] {
  return decodeOrBreach('NewBlockHashes', () =>
    asList(value, 'NewBlockHashes').map((entry) => {
      const [hash, number] = asList(entry, 'announcement', 2);
      return { hash: hashList([hash], 'announced hash')[0], number: asUint(number, 'announced number', 8) };
    }),
  );
}

/** `[block, td]` with the block already encoded. */
export function encodeNewBlock(block: Uint8Array, totalDifficulty: bigint): Uint8Array {
  return encodeListOfEncoded([block, rlpEncode(totalDifficulty)]);
}

/** Reads NewBlock and derives the block's hash and number from its header. */
export function decodeNewBlock(value: RlpValue): NewBlock {
  return decodeOrBreach('NewBlock', () => {
    const [block, td] = asList(value, 'NewBlock', 2);
    const parts = asList(block, 'block');
    if (parts.length < 3) throw new ProtocolError(`block has ${parts.length} parts, expected at least 3`);
    const header = asList(parts[0], 'header');
    if (header.length < 15) throw new ProtocolError(`header has ${header.length} fields, expected at least 15`);
    asList(parts[1], 'block transactions');
    asList(parts[2], 'block ommers');
    return {
      hash: keccak256(rlpEncode(header)),
      number: asUint(header[HEADER_NUMBER_INDEX], 'block number', 8),
      block: rlpEncode(block),
      totalDifficulty: asUint(td, 'total difficulty', 32),
    };
  });
}
