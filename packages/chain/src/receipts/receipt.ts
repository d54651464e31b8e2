import { concatBytes, type RlpInput, type RlpValue, rlpDecode, rlpEncode, ValueError } from '@cairn/common';
import { DecodeError } from '../errors';
import { readBytes, readFixed, readList, readUint } from '../rlp/fields';
import { BLOOM_BYTES } from './bloom';
import { decodeLog, encodeLog, type Log } from './log';

/**
 * A transaction's receipt. Before Byzantium it records the state root after the transaction
 * (`stateRoot`); from Byzantium (EIP-658) its success (`status`, 1 or 0) instead. From Berlin a
 * receipt carries its transaction's type (EIP-2718) and is encoded in the same envelope.
 */
export interface Receipt {
  readonly type: number;
  readonly status?: 0 | 1;
  readonly stateRoot?: Uint8Array;
  readonly cumulativeGasUsed: bigint;
  readonly logsBloom: Uint8Array;
  readonly logs: readonly Log[];
}

function outcome(receipt: Receipt): Uint8Array | bigint {
  if (receipt.stateRoot !== undefined) return receipt.stateRoot;
  if (receipt.status === 0 || receipt.status === 1) return BigInt(receipt.status);
  throw new ValueError('a receipt needs a status (0 or 1) or a state root');
}

/** The receipt's RLP list `[status or stateRoot, cumulativeGasUsed, logsBloom, logs]`. */
function receiptFields(receipt: Receipt): RlpInput[] {
  return [outcome(receipt), receipt.cumulativeGasUsed, receipt.logsBloom, receipt.logs.map(encodeLog)];
}

/** The canonical encoding: the RLP list for legacy receipts, `type ‖ rlp(list)` for typed ones (as the receipts trie holds them). */
export function encodeReceipt(receipt: Receipt): Uint8Array {
  const list = rlpEncode(receiptFields(receipt));
  return receipt.type === 0 ? list : concatBytes(Uint8Array.of(receipt.type), list);
}

/** The form inside a `Receipts` message: legacy receipts as a list, typed ones as a byte string. */
export function receiptToRlp(receipt: Receipt): RlpInput {
  return receipt.type === 0 ? receiptFields(receipt) : encodeReceipt(receipt);
}

function decodeFields(value: RlpValue, type: number): Receipt {
  const items = readList(value, 'receipt', 4);
  const first = readBytes(items[0], 'status');
  let result: Pick<Receipt, 'status' | 'stateRoot'>;
  if (first.length === 32) result = { stateRoot: first };
  else if (first.length === 0) result = { status: 0 };
  else if (first.length === 1 && first[0] === 1) result = { status: 1 };
  else throw new DecodeError('FIELD_TOO_LONG', 'status', 'must be empty (failure), 0x01 (success) or a 32-byte state root');
  return {
    type,
    ...result,
    cumulativeGasUsed: readUint(items[1], 'cumulativeGasUsed', 8),
    logsBloom: readFixed(items[2], 'logsBloom', BLOOM_BYTES),
    logs: readList(items[3], 'logs').map((log, i) => decodeLog(log, `logs[${i}]`)),
  };
}

/** A receipt from its canonical encoding (legacy list, or type byte 0x01-0x7f and list). */
export function decodeReceipt(bytes: Uint8Array): Receipt {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) throw new DecodeError('INVALID_ENVELOPE', 'receipt', 'receipt bytes are empty');
  const first = bytes[0];
  if (first >= 0xc0) return decodeFields(rlpDecode(bytes), 0);
  if (first === 0 || first > 0x7f) throw new DecodeError('INVALID_ENVELOPE', 'receipt', `first byte 0x${first.toString(16).padStart(2, '0')} is neither an RLP list nor a receipt type`);
  return decodeFields(rlpDecode(bytes.subarray(1)), first);
}

/** A receipt in the form of a `Receipts` message (legacy as a list, typed as a byte string). */
export function decodeReceiptFromRlp(value: RlpValue): Receipt {
  if (Array.isArray(value)) return decodeFields(value, 0);
  if (value.length === 0 || value[0] >= 0x80) throw new DecodeError('INVALID_ENVELOPE', 'receipt', 'a typed receipt must be a type byte and an RLP list');
  return decodeReceipt(value);
}
