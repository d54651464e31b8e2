/**
 * Trie paths are sequences of nibbles (4-bit digits), one per byte of a `Uint8Array`, so that a
 * path can be sliced at any digit with `subarray` instead of being copied.
 */

/** The nibbles of `bytes`, high digit first. */
export function bytesToNibbles(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    out[2 * i] = bytes[i] >> 4;
    out[2 * i + 1] = bytes[i] & 15;
  }
  return out;
}

/** The bytes of an even-length nibble sequence. */
export function nibblesToBytes(nibbles: Uint8Array): Uint8Array {
  const out = new Uint8Array(nibbles.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = (nibbles[2 * i] << 4) | nibbles[2 * i + 1];
  return out;
}

/** How many leading nibbles `path` shares with `key` from offset `pos`. */
export function matchingLength(path: Uint8Array, key: Uint8Array, pos: number): number {
  const limit = Math.min(path.length, key.length - pos);
  let i = 0;
  while (i < limit && path[i] === key[pos + i]) i++;
  return i;
}

/** `a` followed by `b`. */
export function joinNibbles(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** The single nibble `n` followed by `rest`. */
export function prependNibble(n: number, rest: Uint8Array): Uint8Array {
  const out = new Uint8Array(rest.length + 1);
  out[0] = n;
  out.set(rest, 1);
  return out;
}

/** Byte length of the hex-prefix (compact) encoding of a path of `length` nibbles. */
export function hexPrefixLength(length: number): number {
  return (length >> 1) + 1;
}

/**
 * Writes the hex-prefix encoding of the Yellow Paper (appendix C) at `offset`: a flag nibble
 * (2 for a leaf, plus 1 for an odd length), a padding nibble when even, then the path.
 */
export function writeHexPrefix(path: Uint8Array, leaf: boolean, out: Uint8Array, offset: number): void {
  const odd = path.length & 1;
  const flag = (leaf ? 2 : 0) + odd;
  let i = 0;
  if (odd) {
    out[offset++] = (flag << 4) | path[0];
    i = 1;
  } else {
    out[offset++] = flag << 4;
  }
  for (; i < path.length; i += 2) out[offset++] = (path[i] << 4) | path[i + 1];
}

/** The path and leaf flag of a hex-prefix encoding, or undefined when the flag nibble is invalid. */
export function readHexPrefix(encoded: Uint8Array): { path: Uint8Array; leaf: boolean } | undefined {
  if (encoded.length === 0) return undefined;
  const flag = encoded[0] >> 4;
  if (flag > 3) return undefined;
  const odd = flag & 1;
  if (!odd && (encoded[0] & 15) !== 0) return undefined;
  const path = new Uint8Array((encoded.length - 1) * 2 + odd);
  let j = 0;
  if (odd) path[j++] = encoded[0] & 15;
  for (let i = 1; i < encoded.length; i++) {
    path[j++] = encoded[i] >> 4;
    path[j++] = encoded[i] & 15;
  }
  return { path, leaf: flag >= 2 };
}
