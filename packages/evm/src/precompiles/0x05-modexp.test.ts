import { bigintToBytes, bigintToFixedBytes, bytesToBigInt, concatBytes, createForkRules, Fork, hexToBytes } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { modexp, modPow, parseModexpHeader } from './0x05-modexp';
import { adjustedExponentLength } from './modexp-gas';

const byzantium = createForkRules(Fork.Byzantium, 1n);
const berlin = createForkRules(Fork.Berlin, 1n);
const word = (value: bigint) => bigintToFixedBytes(value, 32);
const hex = (text: string) => hexToBytes(`0x${text.replace(/\s+/g, '')}`);

/** An input with explicit lengths and operands, each operand left-padded to its length. */
function encode(base: bigint, exponent: bigint, modulus: bigint, lengths: [number, number, number]): Uint8Array {
  const [b, e, m] = lengths;
  return concatBytes(word(BigInt(b)), word(BigInt(e)), word(BigInt(m)), bigintToFixedBytes(base, b), bigintToFixedBytes(exponent, e), bigintToFixedBytes(modulus, m));
}

/** Right-to-left binary exponentiation: an independent reference for the windowed modPow. */
function referencePow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n % modulus;
  base %= modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * base) % modulus;
    base = (base * base) % modulus;
  }
  return result;
}

/** A deterministic pseudo-random integer of `bytes` bytes. */
function pseudoRandom(seed: number, bytes: number): bigint {
  let x = BigInt(seed) * 0x9e3779b97f4a7c15n + 1n;
  let out = 0n;
  for (let i = 0; i < bytes; i++) {
    x = (x * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n;
    out = (out << 8n) | (x >> 56n);
  }
  return out;
}

describe('0x05 modexp: EIP-198 examples', () => {
  const fermat = hex(`
    0000000000000000000000000000000000000000000000000000000000000001
    0000000000000000000000000000000000000000000000000000000000000020
    0000000000000000000000000000000000000000000000000000000000000020
    03
    fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e
    fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f`);

  it("computes 3^(p-1) mod p = 1 (Fermat) for 13056 gas, 1360 from Berlin", () => {
    expect(modexp.run(fermat, byzantium)).toEqual(word(1n));
    expect(modexp.gas(fermat, byzantium)).toBe(13056n);
    expect(modexp.gas(fermat, berlin)).toBe(1360n);
  });

  it('reads no base when its length is 0, giving 0', () => {
    const input = hex(`
      0000000000000000000000000000000000000000000000000000000000000000
      0000000000000000000000000000000000000000000000000000000000000020
      0000000000000000000000000000000000000000000000000000000000000020
      fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e
      fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f`);
    expect(modexp.run(input, byzantium)).toEqual(word(0n));
    expect(modexp.gas(input, berlin)).toBe(1360n);
  });

  it('prices a 2^256-1 byte modulus beyond any gas, and refuses to run it', () => {
    const input = hex(`
      0000000000000000000000000000000000000000000000000000000000000000
      0000000000000000000000000000000000000000000000000000000000000020
      ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
      fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe
      fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd`);
    for (const rules of [byzantium, berlin]) {
      expect(modexp.gas(input, rules) > 2n ** 256n).toBe(true);
      expect(modexp.run(input, rules)).toBeUndefined();
    }
  });

  it('ignores excess data and zero-pads a short modulus (3^65535 mod 2^255)', () => {
    const expected = word(3n ** 65535n % 2n ** 255n);
    const header = '000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000020000000000000000000000000000000000000000000000000000000000000020';
    expect(modexp.run(hex(`${header} 03 ffff 8000000000000000000000000000000000000000000000000000000000000000 07`), byzantium)).toEqual(expected);
    expect(modexp.run(hex(`${header} 03 ffff 80`), byzantium)).toEqual(expected);
  });

  it('takes the adjusted exponent length from the exponent head (EIP-198: 100-byte example is 797)', () => {
    const header = { baseLength: 0n, exponentLength: 100n, modulusLength: 1n, exponentHead: 2n ** 253n };
    expect(adjustedExponentLength(header)).toBe(797n);
    expect(adjustedExponentLength({ ...header, exponentHead: 0n })).toBe(8n * 68n);
    expect(adjustedExponentLength({ ...header, exponentLength: 32n, exponentHead: 0n })).toBe(0n);
    expect(adjustedExponentLength({ ...header, exponentLength: 2n, exponentHead: 256n })).toBe(8n);
    // The head is the first 32 bytes of the exponent as found in the input, zero-padded.
    const input = concatBytes(word(1n), word(100n), word(1n), hex('05 00 00 01'));
    expect(parseModexpHeader(input).exponentHead).toBe(2n ** 232n);
  });
});

describe('0x05 modexp: pricing', () => {
  // EIP-2565's published table of go-ethereum's nagydani vectors: gas depends only on the
  // lengths and the exponent, so operands of the same lengths reproduce it.
  const table: [string, number, bigint, bigint, bigint][] = [
    ['1-square', 64, 2n, 204n, 200n],
    ['1-qube', 64, 3n, 204n, 200n],
    ['1-pow0x10001', 64, 0x10001n, 3276n, 341n],
    ['2-square', 128, 2n, 665n, 200n],
    ['2-qube', 128, 3n, 665n, 200n],
    ['2-pow0x10001', 128, 0x10001n, 10649n, 1365n],
    ['3-square', 256, 2n, 1894n, 341n],
    ['3-qube', 256, 3n, 1894n, 341n],
    ['3-pow0x10001', 256, 0x10001n, 30310n, 5461n],
    ['4-square', 512, 2n, 5580n, 1365n],
    ['4-qube', 512, 3n, 5580n, 1365n],
    ['4-pow0x10001', 512, 0x10001n, 89292n, 21845n],
    ['5-square', 1024, 2n, 17868n, 5461n],
    ['5-qube', 1024, 3n, 17868n, 5461n],
    ['5-pow0x10001', 1024, 0x10001n, 285900n, 87381n],
  ];

  it.each(table)('nagydani-%s: EIP-198 and EIP-2565 gas', (_name, size, exponent, eip198, eip2565) => {
    const expLength = exponent > 0xffn ? 3 : 1;
    const input = encode(pseudoRandom(size, size), exponent, pseudoRandom(size + 1, size), [size, expLength, size]);
    expect(modexp.gas(input, byzantium)).toBe(eip198);
    expect(modexp.gas(input, berlin)).toBe(eip2565);
  });

  it('returns gas beyond 2^64 as an exact bigint instead of clamping', () => {
    const input = concatBytes(word(2n ** 64n), word(1n), word(1n));
    expect(modexp.gas(input, berlin)).toBe(((2n ** 61n) ** 2n * 1n) / 3n);
    expect(modexp.gas(input, byzantium)).toBe(((2n ** 64n) ** 2n / 16n + 480n * 2n ** 64n - 199680n) / 20n);
  });

  it('charges the Berlin minimum of 200 when every length is zero, even for a vast exponent length', () => {
    const input = concatBytes(word(0n), word(2n ** 256n - 1n), word(0n));
    expect(modexp.gas(input, berlin)).toBe(200n);
    expect(modexp.gas(input, byzantium)).toBe(0n);
    expect(modexp.run(input, berlin)).toEqual(new Uint8Array(0));
    expect(modexp.gas(new Uint8Array(0), berlin)).toBe(200n);
  });
});

describe('0x05 modexp: results', () => {
  it('agrees with direct bigint exponentiation on pseudo-random operands', () => {
    for (let i = 0; i < 60; i++) {
      const [b, e, m] = [1 + (i % 40), 1 + (i % 3), 1 + ((i * 7) % 64)];
      const base = pseudoRandom(3 * i, b);
      // Small exponents (under 2^10, in 1 to 3 bytes) keep base ** exponent cheap.
      const exponent = pseudoRandom(3 * i + 1, e) % 1024n;
      const modulus = pseudoRandom(3 * i + 2, m);
      const expected = modulus === 0n ? 0n : base ** exponent % modulus;
      expect(bytesToBigInt(modexp.run(encode(base, exponent, modulus, [b, e, m]), berlin)!)).toBe(expected);
    }
  });

  it('agrees with a reference square-and-multiply on long exponents', () => {
    for (let i = 0; i < 10; i++) {
      const base = pseudoRandom(100 + i, 96);
      const exponent = pseudoRandom(200 + i, 64 + 8 * i);
      const modulus = pseudoRandom(300 + i, 96) | 1n;
      const out = modexp.run(encode(base, exponent, modulus, [96, 64 + 8 * i, 96]), berlin)!;
      expect(bytesToBigInt(out)).toBe(referencePow(base, exponent, modulus));
      expect(modPow(base, exponent, modulus)).toBe(referencePow(base, exponent, modulus));
    }
  });

  it('gives zeros of the modulus length for a zero modulus, and nothing for a zero modulus length', () => {
    expect(modexp.run(encode(5n, 3n, 0n, [1, 1, 4]), berlin)).toEqual(new Uint8Array(4));
    expect(modexp.run(encode(5n, 3n, 0n, [1, 1, 0]), berlin)).toEqual(new Uint8Array(0));
    expect(modexp.run(encode(5n, 3n, 1n, [1, 1, 2]), berlin)).toEqual(new Uint8Array(2));
  });

  it('computes x^0 = 1 (0^0 included) and 0^x = 0', () => {
    expect(modexp.run(encode(7n, 0n, 10n, [1, 1, 1]), berlin)).toEqual(Uint8Array.of(1));
    expect(modexp.run(encode(0n, 0n, 10n, [1, 1, 1]), berlin)).toEqual(Uint8Array.of(1));
    expect(modexp.run(encode(0n, 5n, 10n, [1, 1, 1]), berlin)).toEqual(Uint8Array.of(0));
    expect(modexp.run(encode(0n, 0n, 10n, [0, 0, 1]), berlin)).toEqual(Uint8Array.of(1));
  });

  it('reads operands past the end of the input as zero bytes', () => {
    // Declared: 4-byte base, 3-byte exponent, 3-byte modulus; present: base ab cd, nothing more.
    const lengths = concatBytes(word(4n), word(3n), word(3n));
    expect(modexp.run(concatBytes(lengths, hex('abcd')), berlin)).toEqual(new Uint8Array(3));
    // Present: the whole base and exponent, the modulus cut after its first byte (0x65 0000).
    const cut = concatBytes(lengths, hex('0000abcd 000003 65'));
    expect(bytesToBigInt(modexp.run(cut, berlin)!)).toBe(0xabcdn ** 3n % 0x650000n);
    // A base cut short: 4 declared bytes, 2 present (ab cd → 0xabcd0000).
    const shortBase = concatBytes(word(4n), word(0n), word(1n), hex('abcd'));
    expect(modexp.run(shortBase, berlin)).toEqual(new Uint8Array(1));
  });

  it('gives zeros when the input ends before the modulus, however long the operands', () => {
    // The exponent runs past the end, so the modulus that follows it is all zero bytes.
    const input = concatBytes(word(2n), word(40n), word(3n), hex('beef 0123'));
    expect(modexp.run(input, berlin)).toEqual(new Uint8Array(3));
    const vastBase = concatBytes(word(2n ** 200n), word(1n), word(2n), hex('ff'));
    expect(modexp.run(vastBase, berlin)).toEqual(new Uint8Array(2));
  });

  it('refuses a modulus length no gas could pay for instead of allocating it', () => {
    expect(modexp.run(concatBytes(word(1n), word(1n), word(2n ** 40n), hex('02 03 05')), berlin)).toBeUndefined();
  });

  it('never throws on arbitrary input', () => {
    for (let i = 0; i < 300; i++) {
      const input = bigintToBytes(pseudoRandom(i, i % 140)).slice();
      for (const rules of [byzantium, berlin]) {
        expect(typeof modexp.gas(input, rules)).toBe('bigint');
        const out = modexp.run(input, rules);
        expect(out === undefined || out instanceof Uint8Array).toBe(true);
      }
    }
  });
});
