import { asList, type RlpInput, type RlpValue } from '@cairn/common';
import { encodeListOfEncoded, encodeWithRequestId } from './rlp-raw';
import { decodeHashRequest, decodeOrBreach, encodeHashRequest, openEnvelope } from './request-envelope';

export function encodeGetReceipts(requestId: bigint, hashes: readonly Uint8Array[]): RlpInput {
  return encodeHashRequest(requestId, hashes);
}

export function decodeGetReceipts(value: RlpValue): { requestId: bigint; hashes: Uint8Array[] } {
  return decodeHashRequest(value, 'GetReceipts');
}

/** `[request-id, [[receipt, ...], ...]]` from each block's encoded receipt list. */
export function encodeReceipts(requestId: bigint, perBlock: readonly Uint8Array[]): Uint8Array {
  return encodeWithRequestId(requestId, encodeListOfEncoded(perBlock));
}

/** Each block's receipts (a list; a typed receipt is a byte string, a legacy one a list). */
export function decodeReceipts(value: RlpValue): { requestId: bigint; receipts: RlpValue[][] } {
  const { requestId, payload } = openEnvelope(value, 'Receipts');
  return decodeOrBreach('Receipts', () => ({ requestId, receipts: asList(payload, 'Receipts list').map((r) => asList(r, 'block receipts')) }));
}
