import { type RlpInput, type RlpValue, rlpDecode, rlpEncode } from '@cairn/common';
import { DecodeError } from '../errors';
import { type BlockHeader, decodeHeaderFromRlp } from '../header/header';
import { readList } from '../rlp/fields';
import { listItemSlices } from '../rlp/slices';
import { decodeTransactionFromBlockBody } from '../transactions/codec';
import { DEFAULT_TRANSACTION_TYPES, type TransactionTypeRegistry } from '../transactions/registry';
import type { Transaction } from '../transactions/transaction';
import { decodeWithdrawal, encodeWithdrawal, type Withdrawal } from '../withdrawals/withdrawal';

/** What a block holds besides its header; `withdrawals` exist from Shanghai. */
export interface BlockBody {
  readonly transactions: readonly Transaction[];
  readonly ommers: readonly BlockHeader[];
  readonly withdrawals?: readonly Withdrawal[];
}

/** A block: its header and body. */
export class Block implements BlockBody {
  readonly header: BlockHeader;
  readonly transactions: readonly Transaction[];
  readonly ommers: readonly BlockHeader[];
  readonly withdrawals: readonly Withdrawal[] | undefined;

  constructor(header: BlockHeader, body: BlockBody) {
    this.header = header;
    this.transactions = body.transactions;
    this.ommers = body.ommers;
    this.withdrawals = body.withdrawals;
  }

  /** The block hash, which is the header's. */
  hash(): Uint8Array {
    return this.header.hash();
  }

  /** `[header, transactions, ommers]`, with `withdrawals` appended from Shanghai. */
  encode(): Uint8Array {
    return rlpEncode([this.header.toRlp(), ...bodyToRlp(this)]);
  }
}

/** The body as RLP items `[transactions, ommers(, withdrawals)]`, as `BlockBodies` messages carry it. */
export function bodyToRlp(body: BlockBody): RlpInput[] {
  const items: RlpInput[] = [body.transactions.map((tx) => tx.encodeForBlockBody()), body.ommers.map((o) => o.toRlp())];
  if (body.withdrawals) items.push(body.withdrawals.map(encodeWithdrawal));
  return items;
}

/**
 * A body from its RLP items; `slices`, when given, are the items' exact encodings, so that
 * legacy transactions and ommers keep the bytes they are hashed from.
 */
function decodeBodyItems(items: readonly RlpValue[], types: TransactionTypeRegistry, slices?: readonly Uint8Array[]): BlockBody {
  const txSlices = slices && listItemSlices(slices[0]);
  const ommerSlices = slices && listItemSlices(slices[1]);
  return {
    transactions: readList(items[0], 'transactions').map((tx, i) => decodeTransactionFromBlockBody(tx, types, txSlices?.[i])),
    ommers: readList(items[1], 'ommers').map((ommer, i) => decodeHeaderFromRlp(ommer, ommerSlices?.[i])),
    withdrawals: items.length > 2 ? readList(items[2], 'withdrawals').map((w, i) => decodeWithdrawal(w, `withdrawals[${i}]`)) : undefined,
  };
}

/** A block body from the RLP list `[transactions, ommers(, withdrawals)]`. */
export function decodeBlockBody(value: RlpValue, types: TransactionTypeRegistry = DEFAULT_TRANSACTION_TYPES): BlockBody {
  const items = readList(value, 'block body');
  if (items.length !== 2 && items.length !== 3) throw new DecodeError('FIELD_COUNT', 'block body', `must have 2 or 3 fields, got ${items.length}`);
  return decodeBodyItems(items, types);
}

/**
 * A block from its RLP encoding. The header, the ommers and the legacy transactions keep the
 * exact bytes they were read from, so hashing them re-encodes nothing.
 */
export function decodeBlock(bytes: Uint8Array, types: TransactionTypeRegistry = DEFAULT_TRANSACTION_TYPES): Block {
  const items = readList(rlpDecode(bytes), 'block');
  if (items.length !== 3 && items.length !== 4) throw new DecodeError('FIELD_COUNT', 'block', `must have 3 or 4 fields, got ${items.length}`);
  // The RLP decoded, so its framing is sound and the slices exist.
  const slices = listItemSlices(bytes)!;
  const header = decodeHeaderFromRlp(items[0], slices[0]);
  // The header's layout says whether the body has withdrawals (from Shanghai) or not.
  const bodyItems = header.withdrawalsRoot === undefined ? 2 : 3;
  if (items.length !== bodyItems + 1) throw new DecodeError('FIELD_COUNT', 'block', `a block whose header ${bodyItems === 3 ? 'has' : 'has no'} withdrawals root must have ${bodyItems + 1} fields, got ${items.length}`);
  return new Block(header, decodeBodyItems(items.slice(1), types, slices.slice(1)));
}
