import { type RlpValue, rlpDecode } from '@cairn/common';
import { listItemSlices } from './slices';

/**
 * For an RLP list that failed to decode as a whole: its top-level items, each decoded on its
 * own, with a list item that is itself malformed replaced by an empty list. Reading these with
 * an object's field readers finds a field of the wrong kind (a list where an integer belongs)
 * that hides the malformed bytes inside it, so that the error names the field, as a decoder
 * reading field by field reports it. Undefined when the outer framing or a byte-string item is
 * malformed, since then no field is to blame.
 */
export function topLevelItems(bytes: Uint8Array): RlpValue[] | undefined {
  const slices = listItemSlices(bytes);
  if (!slices) return undefined;
  const items: RlpValue[] = [];
  for (const slice of slices) {
    try {
      items.push(rlpDecode(slice));
    } catch {
      if (slice[0] < 0xc0) return undefined;
      items.push([]);
    }
  }
  return items;
}
