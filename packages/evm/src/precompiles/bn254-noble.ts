import { bigintToFixedBytes, bytesToBigInt, bytesToHex } from '@cairn/common';
import { bn254 } from '@noble/curves/bn254.js';
import type { Bn254Backend } from './backends';

type G1Point = InstanceType<typeof bn254.G1.Point>;
type G2Point = InstanceType<typeof bn254.G2.Point>;
type LineCoefficients = ReturnType<typeof bn254.utils.calcPairingPrecomputes>;

const { Fp12, Fp2, Fr } = bn254.fields;
const G1 = bn254.G1.Point;
const G2 = bn254.G2.Point;

function word(input: Uint8Array, index: number): bigint {
  return bytesToBigInt(input.subarray(32 * index, 32 * index + 32));
}

/**
 * The G1 point at words `index`, `index + 1`. `fromAffine` rejects coordinates not below the
 * field modulus and maps (0, 0) to infinity; `assertValidity` checks the curve equation (G1 has
 * cofactor 1, so every curve point is in the group). Throws on an invalid point.
 */
function readG1(input: Uint8Array, index: number): G1Point {
  const point = G1.fromAffine({ x: word(input, index), y: word(input, index + 1) });
  point.assertValidity();
  return point;
}

/**
 * The G2 point at words `index` … `index + 3`: x then y, each as (imaginary, real). Each word
 * must be below the field modulus (`Fp2.fromBigTuple` would silently reduce it). Besides the
 * curve equation, `assertValidity` runs the subgroup check that EIP-197 requires for G2.
 */
function readG2(input: Uint8Array, index: number): G2Point {
  for (let i = 0; i < 4; i++) if (word(input, index + i) >= bn254.fields.Fp.ORDER) throw new Error('G2 coordinate not below the field modulus');
  const x = Fp2.fromBigTuple([word(input, index + 1), word(input, index)]);
  const y = Fp2.fromBigTuple([word(input, index + 3), word(input, index + 2)]);
  const point = G2.fromAffine({ x, y });
  point.assertValidity();
  return point;
}

function writeG1(point: G1Point): Uint8Array {
  const out = new Uint8Array(64);
  if (point.is0()) return out;
  const { x, y } = point.toAffine();
  out.set(bigintToFixedBytes(x, 32), 0);
  out.set(bigintToFixedBytes(y, 32), 32);
  return out;
}

/** Runs `compute`, mapping noble's "invalid point" exceptions to `undefined`. */
function orInvalid<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch {
    return undefined;
  }
}

/** Options of the noble bn254 backend. */
export interface NobleBn254Options {
  /**
   * How many G2 points to remember, validated and with their Miller-loop line coefficients
   * (about 30 KB each). Pairing callers are mostly SNARK verifiers whose verifying-key G2 points
   * repeat on every call, and for those the subgroup check and line precomputation cost as much
   * as the pairing itself. 0 disables the cache.
   */
  readonly g2CacheSize?: number;
}

/**
 * bn254 on `@noble/curves` (pure JS, audited). Scalars are public here, so multiplication uses
 * the faster variable-time path. The G2 cache is the only state, and it is this object's own.
 */
export function createNobleBn254(options: NobleBn254Options = {}): Bn254Backend {
  const capacity = options.g2CacheSize ?? 64;
  const lines = new Map<string, LineCoefficients>();

  /** Line coefficients of the G2 point in 128 bytes, or null for infinity; throws if invalid. */
  function g2Lines(encoded: Uint8Array): LineCoefficients | null {
    const key = bytesToHex(encoded);
    const known = lines.get(key);
    if (known !== undefined) {
      // Refresh its place so that the least recently used point is the one evicted.
      lines.delete(key);
      lines.set(key, known);
      return known;
    }
    const point = readG2(encoded, 0);
    if (point.is0()) return null;
    const computed = bn254.utils.calcPairingPrecomputes(point);
    if (capacity > 0) {
      if (lines.size >= capacity) lines.delete(lines.keys().next().value!);
      lines.set(key, computed);
    }
    return computed;
  }

  return {
    add: (input) => orInvalid(() => writeG1(readG1(input, 0).add(readG1(input, 2)))),
    mul: (input) =>
      orInvalid(() => {
        const point = readG1(input, 0);
        // The group has prime order r, so reducing the 256-bit scalar mod r changes nothing.
        const scalar = Fr.create(word(input, 2));
        return writeG1(scalar === 0n ? G1.ZERO : point.multiplyUnsafe(scalar));
      }),
    pairingCheck: (input) =>
      orInvalid(() => {
        const terms: [LineCoefficients, bigint, bigint][] = [];
        for (let offset = 0; offset < input.length; offset += 192) {
          const g1 = readG1(input.subarray(offset, offset + 64), 0);
          const g2 = g2Lines(input.subarray(offset + 64, offset + 192));
          // e(O, Q) = e(P, O) = 1: such a pair leaves the product unchanged.
          if (g1.is0() || g2 === null) continue;
          const { x, y } = g1.toAffine();
          terms.push([g2, x, y]);
        }
        return terms.length === 0 || Fp12.eql(Fp12.finalExponentiate(bn254.millerLoopBatch(terms)), Fp12.ONE);
      }),
  };
}
