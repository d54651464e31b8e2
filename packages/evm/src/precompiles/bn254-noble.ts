import { bigintToFixedBytes, bytesToBigInt } from '@cairn/common';
import { bn254 } from '@noble/curves/bn254.js';
import type { Bn254Backend } from './backends';

type G1Point = InstanceType<typeof bn254.G1.Point>;
type G2Point = InstanceType<typeof bn254.G2.Point>;

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
 * The G2 point at words `index` … `index + 3`: x then y, each as (imaginary, real). Besides the
 * curve equation, `assertValidity` runs the subgroup check that EIP-197 requires for G2.
 */
function readG2(input: Uint8Array, index: number): G2Point {
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

/**
 * bn254 on `@noble/curves` (pure JS, audited). Scalars are public here, so multiplication uses
 * the faster variable-time path.
 */
export const nobleBn254: Bn254Backend = {
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
      const pairs: { g1: G1Point; g2: G2Point }[] = [];
      for (let offset = 0; offset < input.length; offset += 192) {
        const chunk = input.subarray(offset, offset + 192);
        const g1 = readG1(chunk, 0);
        const g2 = readG2(chunk, 2);
        // e(O, Q) = e(P, O) = 1: such a pair leaves the product unchanged (noble refuses it).
        if (!g1.is0() && !g2.is0()) pairs.push({ g1, g2 });
      }
      return pairs.length === 0 || Fp12.eql(bn254.pairingBatch(pairs), Fp12.ONE);
    }),
};
