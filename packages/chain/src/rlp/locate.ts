import { type RlpValue, rlpDecode, rlpItemLength } from '@cairn/common';

/**
 * For an RLP list that failed to decode as a whole: its top-level items, each decoded on its
 * own, with a list item that is itself malformed replaced by an empty list. Reading these with
 * an object's field readers finds a field of the wrong kind (a list where an integer belongs)
 * that hides the malformed bytes inside it, so that the error names the field, as a decoder
 * reading field by field reports it. Undefined when the outer framing or a byte-string item is
 * malformed, since then no field is to blame.
 */
export function topLevelItems(bytes: Uint8Array): RlpValue[] | undefined {
  const first = bytes[0];
  if (first === undefined || first < 0xc0) return undefined;
  let end: number;
  try {
    end = rlpItemLength(bytes);
  } catch {
    return undefined;
  }
  if (end !== bytes.length) return undefined;
  const items: RlpValue[] = [];
  let offset = first <= 0xf7 ? 1 : 1 + first - 0xf7;
  while (offset < end) {
    let length: number;
    try {
      length = rlpItemLength(bytes.subarray(offset, end));
    } catch {
      return undefined;
    }
    if (offset + length > end) return undefined;
    const item = bytes.subarray(offset, offset + length);
    try {
      items.push(rlpDecode(item));
    } catch {
      if (item[0] < 0xc0) return undefined;
      items.push([]);
    }
    offset += length;
  }
  return items;
}
