import { bytesToBigInt, bytesToHex } from '@cairn/common';
import { JsonRpcError } from './json-rpc-error';

/** geth's code for a reverted eth_call / eth_estimateGas; clients decode `data` from it. */
export const EXECUTION_REVERTED_CODE = 3;

const ERROR_SELECTOR = 0x08c379a0; // Error(string)
const PANIC_SELECTOR = 0x4e487b71; // Panic(uint256)

/** Solidity's panic codes, as its documentation lists them. */
const PANIC_REASONS = new Map<number, string>([
  [0x00, 'generic compiler panic'],
  [0x01, 'assert(false)'],
  [0x11, 'arithmetic underflow or overflow'],
  [0x12, 'division or modulo by zero'],
  [0x21, 'enum overflow'],
  [0x22, 'invalid encoded storage byte array accessed'],
  [0x31, 'out-of-bounds array access; popping on an empty array'],
  [0x32, 'out-of-bounds access of an array or bytesN'],
  [0x41, 'out of memory'],
  [0x51, 'uninitialized function'],
]);

function selector(data: Uint8Array): number {
  return ((data[0] << 24) | (data[1] << 16) | (data[2] << 8) | data[3]) >>> 0;
}

function word(data: Uint8Array, offset: number): bigint | undefined {
  return offset + 32 <= data.length ? bytesToBigInt(data.subarray(offset, offset + 32)) : undefined;
}

/**
 * The human reason inside revert data: the string of `Error(string)` or the meaning of
 * `Panic(uint256)`. Undefined for custom errors and for malformed ABI data, which are reported
 * only through the raw data.
 */
export function decodeRevertReason(data: Uint8Array): string | undefined {
  if (data.length < 4) return undefined;
  const body = data.subarray(4);
  if (selector(data) === PANIC_SELECTOR) {
    const code = word(body, 0);
    if (code === undefined) return undefined;
    const known = code <= 0xffn ? PANIC_REASONS.get(Number(code)) : undefined;
    return known ?? `unknown panic code 0x${code.toString(16)}`;
  }
  if (selector(data) !== ERROR_SELECTOR) return undefined;
  const offset = word(body, 0);
  if (offset === undefined || offset > BigInt(body.length)) return undefined;
  const length = word(body, Number(offset));
  const start = Number(offset) + 32;
  if (length === undefined || BigInt(start) + length > BigInt(body.length)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(start, start + Number(length)));
  } catch {
    return undefined;
  }
}

/** A call that ran and reverted: code 3, the decoded reason in the message, the raw data hex in `data`. */
export class ExecutionRevertedError extends JsonRpcError {
  readonly revertData: Uint8Array;

  constructor(revertData: Uint8Array) {
    const reason = decodeRevertReason(revertData);
    super(EXECUTION_REVERTED_CODE, reason === undefined ? 'execution reverted' : `execution reverted: ${reason}`, bytesToHex(revertData));
    this.revertData = revertData;
  }
}
