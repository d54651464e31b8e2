import { rlpItemLength } from '@cairn/common';

/** The length of the prefix of an RLP item whose first byte is `first`. */
function prefixLength(first: number): number {
  if (first < 0x80) return 0;
  if (first <= 0xb7 || (first >= 0xc0 && first <= 0xf7)) return 1;
  return 1 + first - (first < 0xc0 ? 0xb7 : 0xf7);
}

/**
 * The encoded items (prefix included) of the RLP list in `bytes`, as subarrays, found from
 * their prefixes alone; undefined when the list's framing is broken. Decoders use it to keep
 * the exact bytes of a header or a legacy transaction they decoded, so that hashing it needs no
 * re-encoding.
 */
export function listItemSlices(bytes: Uint8Array): Uint8Array[] | undefined {
  const first = bytes[0];
  if (first === undefined || first < 0xc0) return undefined;
  let end: number;
  try {
    end = rlpItemLength(bytes);
  } catch {
    return undefined;
  }
  if (end !== bytes.length) return undefined;
  const items: Uint8Array[] = [];
  let offset = prefixLength(first);
  while (offset < end) {
    let length: number;
    try {
      length = rlpItemLength(bytes.subarray(offset, end));
    } catch {
      return undefined;
    }
    if (offset + length > end) return undefined;
    items.push(bytes.subarray(offset, offset + length));
    offset += length;
  }
  return items;
}
