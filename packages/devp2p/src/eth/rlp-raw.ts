import { concatBytes, type RlpValue, rlpEncode } from '@cairn/common';

/**
 * RLP of a list whose items are already encoded: headers, bodies and receipts travel through
 * this layer as encoded bytes, so they are spliced in rather than decoded and re-encoded.
 */
export function encodeListOfEncoded(items: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const item of items) length += item.length;
  return concatBytes(listPrefix(length), ...items);
}

function listPrefix(length: number): Uint8Array {
  if (length <= 55) return new Uint8Array([0xc0 + length]);
  const bytes: number[] = [];
  for (let v = length; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return new Uint8Array([0xf7 + bytes.length, ...bytes]);
}

/** The encoding of a decoded RLP item, for handing a received item on as bytes. */
export function encodedItem(value: RlpValue): Uint8Array {
  return rlpEncode(value);
}

/** `[request-id, payload]` with the payload already encoded: the eth/66+ request envelope. */
export function encodeWithRequestId(requestId: bigint, encodedPayload: Uint8Array): Uint8Array {
  return encodeListOfEncoded([rlpEncode(requestId), encodedPayload]);
}
