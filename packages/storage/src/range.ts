import { compareBytes } from '@cairn/common';
import type { KeyRange } from './interfaces';

/** A range as two optional bounds, each inclusive or exclusive. */
export interface Bounds {
  readonly lower?: { readonly key: Uint8Array; readonly inclusive: boolean };
  readonly upper?: { readonly key: Uint8Array; readonly inclusive: boolean };
}

/** The smallest key greater than every key that starts with `prefix`; undefined when none (all 0xff). */
export function prefixEnd(prefix: Uint8Array): Uint8Array | undefined {
  for (let i = prefix.length - 1; i >= 0; i--) {
    if (prefix[i] !== 0xff) {
      const end = prefix.slice(0, i + 1);
      end[i]++;
      return end;
    }
  }
  return undefined;
}

function tighterLower(a: Bounds['lower'], b: Bounds['lower']): Bounds['lower'] {
  if (!a) return b;
  if (!b) return a;
  const c = compareBytes(a.key, b.key);
  return c > 0 || (c === 0 && !a.inclusive) ? a : b;
}

function tighterUpper(a: Bounds['upper'], b: Bounds['upper']): Bounds['upper'] {
  if (!a) return b;
  if (!b) return a;
  const c = compareBytes(a.key, b.key);
  return c < 0 || (c === 0 && !a.inclusive) ? a : b;
}

/** The bounds a `KeyRange` describes, with its prefix folded in. */
export function toBounds(range: KeyRange): Bounds {
  let lower: Bounds['lower'] = range.gt ? { key: range.gt, inclusive: false } : undefined;
  if (range.gte) lower = tighterLower(lower, { key: range.gte, inclusive: true });
  let upper: Bounds['upper'] = range.lt ? { key: range.lt, inclusive: false } : undefined;
  if (range.lte) upper = tighterUpper(upper, { key: range.lte, inclusive: true });
  if (range.prefix && range.prefix.length > 0) {
    lower = tighterLower(lower, { key: range.prefix, inclusive: true });
    const end = prefixEnd(range.prefix);
    if (end) upper = tighterUpper(upper, { key: end, inclusive: false });
  }
  return { lower, upper };
}
