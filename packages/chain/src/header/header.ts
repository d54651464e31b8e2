import { type Address, keccak256, type RlpInput, type RlpValue, rlpDecode, rlpEncode } from '@cairn/common';
import { BlockError, DecodeError } from '../errors';
import { ADDRESS, BYTES, decodeLayout, encodeLayout, type FieldRow, fixedBytes, HASH, QUANTITY, UINT64 } from '../rlp/codecs';
import { readList } from '../rlp/fields';

/** A block header's fields; the optional ones exist from the fork named on each. */
export interface HeaderFields {
  readonly parentHash: Uint8Array;
  readonly ommersHash: Uint8Array;
  readonly coinbase: Address;
  readonly stateRoot: Uint8Array;
  readonly transactionsRoot: Uint8Array;
  readonly receiptsRoot: Uint8Array;
  readonly logsBloom: Uint8Array;
  readonly difficulty: bigint;
  readonly number: bigint;
  readonly gasLimit: bigint;
  readonly gasUsed: bigint;
  readonly timestamp: bigint;
  readonly extraData: Uint8Array;
  /** The proof-of-work mix hash; `prevRandao` since the Merge. */
  readonly mixHash: Uint8Array;
  /** The 8-byte proof-of-work nonce; zero since the Merge. */
  readonly nonce: Uint8Array;
  /** London (EIP-1559). */
  readonly baseFeePerGas?: bigint;
  /** Shanghai (EIP-4895). */
  readonly withdrawalsRoot?: Uint8Array;
  /** Cancun (EIP-4844). */
  readonly blobGasUsed?: bigint;
  /** Cancun (EIP-4844). */
  readonly excessBlobGas?: bigint;
  /** Cancun (EIP-4788). */
  readonly parentBeaconBlockRoot?: Uint8Array;
}

type HeaderField = keyof HeaderFields;

const BASE_LAYOUT: readonly FieldRow<HeaderField>[] = [
  ['parentHash', HASH],
  ['ommersHash', HASH],
  ['coinbase', ADDRESS],
  ['stateRoot', HASH],
  ['transactionsRoot', HASH],
  ['receiptsRoot', HASH],
  ['logsBloom', fixedBytes(256)],
  ['difficulty', QUANTITY],
  ['number', UINT64],
  ['gasLimit', UINT64],
  ['gasUsed', UINT64],
  ['timestamp', UINT64],
  ['extraData', BYTES],
  ['mixHash', HASH],
  ['nonce', fixedBytes(8)],
];

/** The fields forks appended, in groups that come together: London, Shanghai, Cancun. */
const FORK_GROUPS: readonly (readonly FieldRow<HeaderField>[])[] = [
  [['baseFeePerGas', QUANTITY]],
  [['withdrawalsRoot', HASH]],
  [
    ['blobGasUsed', UINT64],
    ['excessBlobGas', UINT64],
    ['parentBeaconBlockRoot', HASH],
  ],
];

/** The layouts a header may have, from Frontier's 15 fields to Cancun's 20. */
const LAYOUTS: readonly (readonly FieldRow<HeaderField>[])[] = [
  BASE_LAYOUT,
  ...FORK_GROUPS.map((_, i) => [...BASE_LAYOUT, ...FORK_GROUPS.slice(0, i + 1).flat()]),
];

/** The layout that holds exactly the fields `fields` has; a field without those before it is an error. */
function layoutOf(fields: HeaderFields): readonly FieldRow<HeaderField>[] {
  const present = (layout: readonly FieldRow<HeaderField>[]) => layout.every(([name]) => fields[name] !== undefined);
  let index = 0;
  while (index + 1 < LAYOUTS.length && present(LAYOUTS[index + 1])) index++;
  const extra = LAYOUTS[LAYOUTS.length - 1].slice(LAYOUTS[index].length).find(([name]) => fields[name] !== undefined);
  if (extra) throw new BlockError('MISSING_FIELD', `header has ${extra[0]} but not every field of the forks before it`, extra[0]);
  return LAYOUTS[index];
}

/**
 * A block header. Its encoding and hash are computed at most once; when it was decoded, the
 * bytes it came from are kept (not copied) and hashed as they are.
 */
export class BlockHeader implements HeaderFields {
  readonly parentHash: Uint8Array;
  readonly ommersHash: Uint8Array;
  readonly coinbase: Address;
  readonly stateRoot: Uint8Array;
  readonly transactionsRoot: Uint8Array;
  readonly receiptsRoot: Uint8Array;
  readonly logsBloom: Uint8Array;
  readonly difficulty: bigint;
  readonly number: bigint;
  readonly gasLimit: bigint;
  readonly gasUsed: bigint;
  readonly timestamp: bigint;
  readonly extraData: Uint8Array;
  readonly mixHash: Uint8Array;
  readonly nonce: Uint8Array;
  readonly baseFeePerGas: bigint | undefined;
  readonly withdrawalsRoot: Uint8Array | undefined;
  readonly blobGasUsed: bigint | undefined;
  readonly excessBlobGas: bigint | undefined;
  readonly parentBeaconBlockRoot: Uint8Array | undefined;
  readonly #layout: readonly FieldRow<HeaderField>[];
  #encoded: Uint8Array | undefined;
  #hash: Uint8Array | undefined;

  /** Use `decodeHeader` or `createHeader`; this trusts the widths of its input. */
  constructor(fields: HeaderFields, encoded?: Uint8Array) {
    this.#layout = layoutOf(fields);
    this.parentHash = fields.parentHash;
    this.ommersHash = fields.ommersHash;
    this.coinbase = fields.coinbase;
    this.stateRoot = fields.stateRoot;
    this.transactionsRoot = fields.transactionsRoot;
    this.receiptsRoot = fields.receiptsRoot;
    this.logsBloom = fields.logsBloom;
    this.difficulty = fields.difficulty;
    this.number = fields.number;
    this.gasLimit = fields.gasLimit;
    this.gasUsed = fields.gasUsed;
    this.timestamp = fields.timestamp;
    this.extraData = fields.extraData;
    this.mixHash = fields.mixHash;
    this.nonce = fields.nonce;
    this.baseFeePerGas = fields.baseFeePerGas;
    this.withdrawalsRoot = fields.withdrawalsRoot;
    this.blobGasUsed = fields.blobGasUsed;
    this.excessBlobGas = fields.excessBlobGas;
    this.parentBeaconBlockRoot = fields.parentBeaconBlockRoot;
    this.#encoded = encoded;
  }

  /** The header as the RLP items of its list, for embedding in a block. */
  toRlp(): RlpInput[] {
    return encodeLayout(this, this.#layout, (name) => new BlockError('MISSING_FIELD', `header needs ${name}`, name));
  }

  encode(): Uint8Array {
    return (this.#encoded ??= rlpEncode(this.toRlp()));
  }

  /** The block hash: keccak256 of the encoded header. */
  hash(): Uint8Array {
    return (this.#hash ??= keccak256(this.encode()));
  }
}

/** A header from its decoded RLP list; `encoded`, when given, is that list's exact encoding. */
export function decodeHeaderFromRlp(value: RlpValue, encoded?: Uint8Array): BlockHeader {
  const items = readList(value, 'header');
  const layout = LAYOUTS.find((l) => l.length === items.length);
  if (!layout) {
    throw new DecodeError('FIELD_COUNT', 'header', `must have ${LAYOUTS.map((l) => l.length).join(', ')} fields, got ${items.length}`);
  }
  return new BlockHeader(decodeLayout(items, layout) as unknown as HeaderFields, encoded);
}

/** A header from its RLP encoding; the bytes are kept and hashed as they are. */
export function decodeHeader(bytes: Uint8Array): BlockHeader {
  return decodeHeaderFromRlp(rlpDecode(bytes), bytes);
}

/** A header from its fields, checked as if it had arrived encoded (widths, lengths, fork field groups). */
export function createHeader(fields: HeaderFields): BlockHeader {
  return decodeHeader(new BlockHeader(fields).encode());
}
