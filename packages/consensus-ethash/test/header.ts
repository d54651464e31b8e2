import { type Hex, hexToBigInt, hexToBytes, keccak256, rlpEncode } from '@cairn/common';
import type { SealInput } from '../src/index';

/**
 * A proof-of-work header as published (hex at the edge). Until `@cairn/chain` provides headers,
 * the tests encode them here: the fields of the Yellow Paper in order, `baseFee` from London on.
 */
export interface HeaderFields {
  readonly parentHash: Hex;
  readonly ommersHash: Hex;
  readonly coinbase: Hex;
  readonly stateRoot: Hex;
  readonly transactionsRoot: Hex;
  readonly receiptsRoot: Hex;
  /** `undefined` for the all-zero bloom of a block without logs. */
  readonly logsBloom?: Hex;
  readonly difficulty: Hex;
  readonly number: Hex;
  readonly gasLimit: Hex;
  readonly gasUsed: Hex;
  readonly timestamp: Hex;
  readonly extraData: Hex;
  readonly mixHash: Hex;
  readonly nonce: Hex;
  readonly baseFee?: Hex;
}

function sealedFields(h: HeaderFields) {
  return [
    hexToBytes(h.parentHash),
    hexToBytes(h.ommersHash),
    hexToBytes(h.coinbase),
    hexToBytes(h.stateRoot),
    hexToBytes(h.transactionsRoot),
    hexToBytes(h.receiptsRoot),
    h.logsBloom === undefined ? new Uint8Array(256) : hexToBytes(h.logsBloom),
    hexToBigInt(h.difficulty),
    hexToBigInt(h.number),
    hexToBigInt(h.gasLimit),
    hexToBigInt(h.gasUsed),
    hexToBigInt(h.timestamp),
    hexToBytes(h.extraData),
  ];
}

function tail(h: HeaderFields) {
  return h.baseFee === undefined ? [] : [hexToBigInt(h.baseFee)];
}

/** keccak-256 of the whole header: the block hash. */
export function blockHash(h: HeaderFields): Uint8Array {
  return keccak256(rlpEncode([...sealedFields(h), hexToBytes(h.mixHash), hexToBytes(h.nonce), ...tail(h)]));
}

/** What `Ethash.verifySeal` takes for this header. */
export function sealInput(h: HeaderFields): SealInput {
  return {
    sealHash: keccak256(rlpEncode([...sealedFields(h), ...tail(h)])),
    nonce: hexToBytes(h.nonce),
    mixHash: hexToBytes(h.mixHash),
    number: hexToBigInt(h.number),
    difficulty: hexToBigInt(h.difficulty),
  };
}
