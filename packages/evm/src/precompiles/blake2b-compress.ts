import { ValueError } from '@cairn/common';
import type { Blake2fBackend } from './backends';

/**
 * The BLAKE2b compression function F (RFC 7693 section 3.2) with a caller-chosen number of rounds,
 * as EIP-152 exposes it, in JavaScript: the fallback where WebAssembly is unavailable and the
 * reference the WebAssembly module (blake2b-compress.wat) is checked against. Hash libraries keep
 * F private, so it is written out here.
 *
 * 64-bit words are held as (low, high) pairs of 32-bit halves in Uint32Arrays: word i sits at
 * [2i] (low) and [2i + 1] (high). That keeps the hot loop in small integers instead of bigint,
 * at about 260 ns a round.
 */

/** The BLAKE2b initialisation vector (the SHA-512 IV), as (low, high) halves. */
const IV = Uint32Array.of(
  0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372, 0x5f1d36f1, 0xa54ff53a,
  0xade682d1, 0x510e527f, 0x2b3e6c1f, 0x9b05688c, 0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19,
);

/**
 * The message schedule: round r reads message words SIGMA[16·(r % 10) + i]. Stored flat and
 * doubled (as indices of 32-bit halves) so the hot loop does no multiplication or nested lookup.
 */
const SIGMA = Uint8Array.from(
  [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
  ].flat(),
  (i) => 2 * i,
);

/**
 * The mixing function G on words a, b, c, d of `v` with message words x and y of `m`, all given
 * as indices of low halves. Rotations by 32, 24, 16 and 63 bits, per RFC 7693.
 */
function mix(v: Uint32Array, a0: number, b0: number, c0: number, d0: number, m: Uint32Array, x: number, y: number): void {
  let al = v[a0];
  let ah = v[a0 + 1];
  let bl = v[b0];
  let bh = v[b0 + 1];
  let cl = v[c0];
  let ch = v[c0 + 1];
  let dl = v[d0];
  let dh = v[d0 + 1];
  let t: number;

  // a = a + b + m[x]; d = (d ^ a) >>> 32
  t = al + bl;
  ah = (ah + bh + (t > 0xffffffff ? 1 : 0)) >>> 0;
  al = t >>> 0;
  t = al + m[x];
  ah = (ah + m[x + 1] + (t > 0xffffffff ? 1 : 0)) >>> 0;
  al = t >>> 0;
  t = dl ^ al;
  dl = (dh ^ ah) >>> 0;
  dh = t >>> 0;
  // c = c + d; b = (b ^ c) >>> 24
  t = cl + dl;
  ch = (ch + dh + (t > 0xffffffff ? 1 : 0)) >>> 0;
  cl = t >>> 0;
  let xl = bl ^ cl;
  let xh = bh ^ ch;
  bl = ((xl >>> 24) | (xh << 8)) >>> 0;
  bh = ((xh >>> 24) | (xl << 8)) >>> 0;
  // a = a + b + m[y]; d = (d ^ a) >>> 16
  t = al + bl;
  ah = (ah + bh + (t > 0xffffffff ? 1 : 0)) >>> 0;
  al = t >>> 0;
  t = al + m[y];
  ah = (ah + m[y + 1] + (t > 0xffffffff ? 1 : 0)) >>> 0;
  al = t >>> 0;
  xl = dl ^ al;
  xh = dh ^ ah;
  dl = ((xl >>> 16) | (xh << 16)) >>> 0;
  dh = ((xh >>> 16) | (xl << 16)) >>> 0;
  // c = c + d; b = (b ^ c) >>> 63, i.e. rotate left by one
  t = cl + dl;
  ch = (ch + dh + (t > 0xffffffff ? 1 : 0)) >>> 0;
  cl = t >>> 0;
  xl = bl ^ cl;
  xh = bh ^ ch;
  bl = ((xl << 1) | (xh >>> 31)) >>> 0;
  bh = ((xh << 1) | (xl >>> 31)) >>> 0;

  v[a0] = al;
  v[a0 + 1] = ah;
  v[b0] = bl;
  v[b0 + 1] = bh;
  v[c0] = cl;
  v[c0 + 1] = ch;
  v[d0] = dl;
  v[d0 + 1] = dh;
}

/**
 * Compresses in place: `h` (8 words) is the chained state, `m` (16 words) the message block, `t`
 * (2 words) the byte offset counter, `final` the last-block flag, `rounds` the round count.
 */
function blake2bCompress(rounds: number, h: Uint32Array, m: Uint32Array, t: Uint32Array, final: boolean): void {
  const v = new Uint32Array(32);
  v.set(h, 0);
  v.set(IV, 16);
  v[24] ^= t[0];
  v[25] ^= t[1];
  v[26] ^= t[2];
  v[27] ^= t[3];
  if (final) {
    v[28] = ~v[28];
    v[29] = ~v[29];
  }
  for (let r = 0; r < rounds; r++) {
    const s = 16 * (r % 10);
    mix(v, 0, 8, 16, 24, m, SIGMA[s], SIGMA[s + 1]);
    mix(v, 2, 10, 18, 26, m, SIGMA[s + 2], SIGMA[s + 3]);
    mix(v, 4, 12, 20, 28, m, SIGMA[s + 4], SIGMA[s + 5]);
    mix(v, 6, 14, 22, 30, m, SIGMA[s + 6], SIGMA[s + 7]);
    mix(v, 0, 10, 20, 30, m, SIGMA[s + 8], SIGMA[s + 9]);
    mix(v, 2, 12, 22, 24, m, SIGMA[s + 10], SIGMA[s + 11]);
    mix(v, 4, 14, 16, 26, m, SIGMA[s + 12], SIGMA[s + 13]);
    mix(v, 6, 8, 18, 28, m, SIGMA[s + 14], SIGMA[s + 15]);
  }
  for (let i = 0; i < 16; i++) h[i] ^= v[i] ^ v[i + 16];
}

/**
 * Throws a `ValueError` unless the arguments have the sizes `Blake2fBackend.compress` takes, so
 * that no backend reads past a short array or runs a round count that is not a u32.
 */
export function checkBlake2fInput(rounds: number, h: Uint8Array, m: Uint8Array, t: Uint8Array): void {
  if (!Number.isInteger(rounds) || rounds < 0 || rounds > 0xffffffff) throw new ValueError(`BLAKE2 F rounds must be a u32, got ${rounds}`);
  if (h.length !== 64 || m.length !== 128 || t.length !== 16) {
    throw new ValueError(`BLAKE2 F takes h, m, t of 64, 128 and 16 bytes, got ${h.length}, ${m.length} and ${t.length}`);
  }
}

/** `bytes` as little-endian 32-bit halves: EIP-152 encodes its 64-bit words little-endian. */
function toHalves(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(4 * i, true);
  return out;
}

/** BLAKE2 F in JavaScript (see above): always available, and the cross-check for the others. */
export function createJsBlake2f(): Blake2fBackend {
  return {
    compress(rounds, h, m, t, final) {
      checkBlake2fInput(rounds, h, m, t);
      const state = toHalves(h);
      blake2bCompress(rounds, state, toHalves(m), toHalves(t), final);
      const output = new Uint8Array(64);
      const view = new DataView(output.buffer);
      for (let i = 0; i < 16; i++) view.setUint32(4 * i, state[i], true);
      return output;
    },
  };
}
