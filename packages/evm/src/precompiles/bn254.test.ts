import { bigintToFixedBytes, bytesToHex, concatBytes, createForkRules, Fork, hexToBytes } from '@cairn/common';
import { bn254 } from '@noble/curves/bn254.js';
import { describe, expect, it } from 'vitest';
import { createBn254Add } from './0x06-bn254-add';
import { createBn254Mul } from './0x07-bn254-mul';
import { createBn254Pairing } from './0x08-bn254-pairing';
import { createNobleBn254 } from './bn254-noble';

const byzantium = createForkRules(Fork.Byzantium, 1n);
const istanbul = createForkRules(Fork.Istanbul, 1n);
const backend = createNobleBn254();
const add = createBn254Add(backend);
const mul = createBn254Mul(backend);
const pairing = createBn254Pairing(backend);

const P = bn254.fields.Fp.ORDER;
const N = bn254.fields.Fr.ORDER;
const word = (value: bigint) => bigintToFixedBytes(value, 32);
const hex = (text: string) => hexToBytes(`0x${text.replace(/\s+/g, '')}`);
const run = (precompile: typeof add, input: Uint8Array) => {
  const out = precompile.run(input, istanbul);
  return out === undefined ? undefined : bytesToHex(out).slice(2);
};

/** The G1 generator (1, 2) and the G2 generator of EIP-197, in the precompiles' encoding. */
const G1 = concatBytes(word(1n), word(2n));
const G2 = hex(`
  198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2 1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed
  090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b 12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa`);
const ZERO64 = new Uint8Array(64);

/** -(x, y) = (x, p - y) in G1. */
function negateG1(point: Uint8Array): Uint8Array {
  const y = BigInt(bytesToHex(point.subarray(32, 64)));
  return concatBytes(point.subarray(0, 32), word(y === 0n ? 0n : P - y));
}

describe('0x06 bn254 add', () => {
  it('matches the go-ethereum vectors', () => {
    expect(
      run(add, hex('18b18acfb4c2c30276db5411368e7185b311dd124691610c5d3b74034e093dc9063c909c4720840cb5134cb9f59fa749755796819658d32efc0d288198f3726607c2b7f58a84bd6145f00c9c2bc0bb1a187f20ff2c92963a88019e7c6a014eed06614e20c147e940f2d70da3f74c9a17df361706a4485c742bd6788478fa17d7')),
    ).toBe('2243525c5efd4b9c3d3c45ac0ca3fe4dd85e830a4ce6b65fa1eeaee202839703301d1d33be6da8e509df21cc35964723180eed7532537db9ae5e7d48f195c915');
    expect(
      run(add, hex('17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa901e0559bacb160664764a357af8a9fe70baa9258e0b959273ffc5718c6d4cc7c039730ea8dff1254c0fee9c0ea777d29a9c710b7e616683f194f18c43b43b869073a5ffcc6fc7a28c30723d6e58ce577356982d65b833a5a5c15bf9024b43d98')),
    ).toBe('15bf2bb17880144b5d1cd2b1f46eff9d617bffd1ca57c37fb5a49bd84e53cf66049c797f9ce0d17083deb32b5e36f2ea2a212ee036598dd7624c168993d1355f');
    // G + G (cdetrio11).
    expect(run(add, concatBytes(G1, G1))).toBe('030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd315ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4');
  });

  it('treats (0, 0) as the identity and zero-pads short input', () => {
    expect(run(add, new Uint8Array(0))).toBe('0'.repeat(128));
    expect(run(add, G1)).toBe(bytesToHex(G1).slice(2));
    expect(run(add, concatBytes(ZERO64, G1))).toBe(bytesToHex(G1).slice(2));
    expect(run(add, concatBytes(G1, negateG1(G1)))).toBe('0'.repeat(128));
    // Bytes past 128 are ignored.
    expect(run(add, concatBytes(G1, G1, G1))).toBe(run(add, concatBytes(G1, G1)));
  });

  it('fails on a point off the curve or a coordinate not below p', () => {
    const offCurve = concatBytes(word(1n), word(3n));
    const nonCanonical = concatBytes(word(1n), word(2n + P));
    const xTooBig = concatBytes(word(P), word(0n));
    for (const bad of [offCurve, nonCanonical, xTooBig]) {
      expect(add.run(concatBytes(bad, G1), istanbul)).toBeUndefined();
      expect(add.run(concatBytes(G1, bad), istanbul)).toBeUndefined();
    }
    // (0, 1) is not the encoding of infinity and is off the curve.
    expect(add.run(concatBytes(word(0n), word(1n), G1), istanbul)).toBeUndefined();
  });

  it('costs 500 gas, 150 from Istanbul', () => {
    expect(add.gas(G1, byzantium)).toBe(500n);
    expect(add.gas(G1, istanbul)).toBe(150n);
  });
});

describe('0x07 bn254 mul', () => {
  it('matches the go-ethereum vectors (including a 2^256-1 scalar)', () => {
    expect(
      run(mul, hex('2bd3e6d0f3b142924f5ca7b49ce5b9d54c4703d7ae5648e61d02268b1a0a9fb721611ce0a6af85915e2f1d70300909ce2e49dfad4a4619c8390cae66cefdb20400000000000000000000000000000000000000000000000011138ce750fa15c2')),
    ).toBe('070a8d6a982153cae4be29d434e8faef8a47b274a053f5a4ee2a6c9c13c31e5c031b8ce914eba3a9ffb989f9cdd5b0f01943074bf4f0f315690ec3cec6981afc');
    expect(
      run(mul, hex('1a87b0584ce92f4593d161480614f2989035225609f08058ccfa3d0f940febe31a2f3c951f6dadcc7ee9007dff81504b0fcd6d7cf59996efdc33d92bf7f9f8f6ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff')),
    ).toBe('2cde5879ba6f13c0b5aa4ef627f159a3347df9722efce88a9afbb20b763b4c411aa7e43076f6aee272755a7f9b84832e71559ba0d2e0b17d5f9f01755e5b0d11');
    expect(
      run(mul, hex('039730ea8dff1254c0fee9c0ea777d29a9c710b7e616683f194f18c43b43b869073a5ffcc6fc7a28c30723d6e58ce577356982d65b833a5a5c15bf9024b43d980000000000000000000000000000000000000000000000000000000000000009')),
    ).toBe('19f75b9dd68c080a688774a6213f131e3052bd353a304a189d7a2ee367e3c2582612f545fb9fc89fde80fd81c68fc7dcb27fea5fc124eeda69433cf5c46d2d7f');
  });

  it('agrees with repeated addition, and reduces the scalar by the group order', () => {
    let sum = G1;
    for (let k = 2n; k <= 6n; k++) {
      sum = add.run(concatBytes(sum, G1), istanbul)!;
      expect(mul.run(concatBytes(G1, word(k)), istanbul)).toEqual(sum);
      expect(mul.run(concatBytes(G1, word(k + N)), istanbul)).toEqual(sum);
    }
    expect(run(mul, concatBytes(G1, word(0n)))).toBe('0'.repeat(128));
    expect(run(mul, concatBytes(G1, word(N)))).toBe('0'.repeat(128));
    expect(run(mul, concatBytes(ZERO64, word(5n)))).toBe('0'.repeat(128));
    // A missing scalar reads as zero.
    expect(run(mul, G1)).toBe('0'.repeat(128));
  });

  it('fails on an invalid point, whatever the scalar', () => {
    expect(mul.run(concatBytes(word(1n), word(3n), word(0n)), istanbul)).toBeUndefined();
    expect(mul.run(concatBytes(word(P), word(2n), word(1n)), istanbul)).toBeUndefined();
  });

  it('costs 40000 gas, 6000 from Istanbul', () => {
    expect(mul.gas(G1, byzantium)).toBe(40000n);
    expect(mul.gas(G1, istanbul)).toBe(6000n);
  });
});

describe('0x08 bn254 pairing', () => {
  const TRUE = `${'0'.repeat(63)}1`;
  const FALSE = '0'.repeat(64);

  it('matches the go-ethereum vectors', () => {
    const jeff1 =
      '1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f593034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf704bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a416782bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c2032c61a830e3c17286de9462bf242fca2883585b93870a73853face6a6bf411198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa';
    expect(run(pairing, hex(jeff1))).toBe(TRUE);
    expect(pairing.gas(hex(jeff1), istanbul)).toBe(113000n);
    // jeff6: jeff1 with the second G1 point's y changed, so the product is no longer one.
    const jeff6 = `${jeff1.slice(0, 448)}103188585e2364128fe25c70558f1560f4f9350baf3959e603cc91486e110936${jeff1.slice(512)}`;
    expect(run(pairing, hex(jeff6))).toBe(FALSE);
    // one_point: e(G1, G2) alone is not one.
    expect(run(pairing, concatBytes(G1, G2))).toBe(FALSE);
    // two_point_match_2: e(G1, G2) · e(G1, -G2) = 1.
    const minusG2 = hex(`
      198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2 1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed
      275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec 1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d`);
    expect(run(pairing, concatBytes(G1, G2, G1, minusG2))).toBe(TRUE);
  });

  it('is one for no input at all, and for pairs with the identity on either side', () => {
    expect(run(pairing, new Uint8Array(0))).toBe(TRUE);
    expect(pairing.gas(new Uint8Array(0), istanbul)).toBe(45000n);
    expect(run(pairing, concatBytes(ZERO64, G2))).toBe(TRUE);
    expect(run(pairing, concatBytes(G1, new Uint8Array(128)))).toBe(TRUE);
    expect(run(pairing, concatBytes(ZERO64, G2, G1, G2))).toBe(FALSE);
  });

  it('checks bilinearity: e(aP, Q) · e(-P, aQ) = 1 and e(aP, Q) · e(-bP, Q) = 1 only when a = b', () => {
    const a = 0x1234567890abcdefn;
    const aP = mul.run(concatBytes(G1, word(a)), istanbul)!;
    const aQ = bn254.G2.Point.BASE.multiply(a).toAffine();
    const encodedAQ = concatBytes(word(aQ.x.c1), word(aQ.x.c0), word(aQ.y.c1), word(aQ.y.c0));
    expect(run(pairing, concatBytes(aP, G2, negateG1(G1), encodedAQ))).toBe(TRUE);
    expect(run(pairing, concatBytes(aP, G2, negateG1(aP), G2))).toBe(TRUE);
    const bP = mul.run(concatBytes(G1, word(a + 1n)), istanbul)!;
    expect(run(pairing, concatBytes(aP, G2, negateG1(bP), G2))).toBe(FALSE);
  });

  it('fails when the length is not a multiple of 192', () => {
    const pair = concatBytes(G1, G2);
    expect(pairing.run(pair.subarray(0, 191), istanbul)).toBeUndefined();
    expect(pairing.run(concatBytes(pair, new Uint8Array(1)), istanbul)).toBeUndefined();
    // Gas counts whole pairs only; the call fails anyway.
    expect(pairing.gas(concatBytes(pair, new Uint8Array(191)), istanbul)).toBe(45000n + 34000n);
  });

  it('fails on invalid G1 or G2 points, including a G2 point outside the subgroup', () => {
    const Fp2 = bn254.fields.Fp2;
    const b = bn254.G2.Point.CURVE().b;
    // Find a twist point by trying x = (k, 1): with overwhelming probability it lies outside the
    // order-r subgroup, which noble confirms.
    let point: { x: typeof b; y: typeof b } | undefined;
    for (let k = 1n; point === undefined; k++) {
      const x = Fp2.fromBigTuple([k, 1n]);
      const rhs = Fp2.add(Fp2.mul(Fp2.sqr(x), x), b);
      try {
        point = { x, y: Fp2.sqrt(rhs) };
      } catch {
        // Not a square: no point with this x.
      }
    }
    const twistPoint = new bn254.G2.Point(point.x, point.y, Fp2.ONE);
    expect(twistPoint.isTorsionFree()).toBe(false);
    const outside = concatBytes(word(point.x.c1), word(point.x.c0), word(point.y.c1), word(point.y.c0));
    expect(pairing.run(concatBytes(G1, outside), istanbul)).toBeUndefined();
    expect(pairing.run(concatBytes(ZERO64, outside), istanbul)).toBeUndefined();

    const offCurveG2 = G2.slice();
    offCurveG2[127] ^= 1;
    const bigCoordinate = concatBytes(word(P), G2.subarray(32));
    const offCurveG1 = concatBytes(word(1n), word(3n));
    expect(pairing.run(concatBytes(G1, offCurveG2), istanbul)).toBeUndefined();
    expect(pairing.run(concatBytes(G1, bigCoordinate), istanbul)).toBeUndefined();
    // A coordinate plus p would reduce to the valid point; it must fail instead (ethereum/tests
    // ecpairing_perturb_g2_by_field_modulus), with the identity on the G1 side too.
    const perturbed = concatBytes(word(BigInt(bytesToHex(G2.subarray(0, 32))) + P), G2.subarray(32));
    expect(pairing.run(concatBytes(G1, perturbed), istanbul)).toBeUndefined();
    expect(pairing.run(concatBytes(ZERO64, perturbed), istanbul)).toBeUndefined();
    expect(pairing.run(concatBytes(offCurveG1, G2), istanbul)).toBeUndefined();
    // An invalid pair after a valid one still fails the whole call.
    expect(pairing.run(concatBytes(G1, G2, offCurveG1, G2), istanbul)).toBeUndefined();
  });

  it('costs 100000 + 80000 per pair, 45000 + 34000 per pair from Istanbul', () => {
    const twoPairs = new Uint8Array(384);
    expect(pairing.gas(twoPairs, byzantium)).toBe(260000n);
    expect(pairing.gas(twoPairs, istanbul)).toBe(113000n);
  });
});

describe('noble bn254 backend G2 cache', () => {
  const g2Times = (k: bigint) => {
    const { x, y } = bn254.G2.Point.BASE.multiply(k).toAffine();
    return concatBytes(word(x.c1), word(x.c0), word(y.c1), word(y.c0));
  };
  const g1Times = (k: bigint) => mul.run(concatBytes(G1, word(k)), istanbul)!;
  // e(aG1, bG2) · e(-abG1, G2) = 1, and false once the second term is off by one.
  const inputs = [2n, 3n, 5n, 7n].flatMap((a) =>
    [11n, 13n].flatMap((b) => [concatBytes(g1Times(a), g2Times(b), negateG1(g1Times(a * b)), G2), concatBytes(g1Times(a), g2Times(b), negateG1(g1Times(a * b + 1n)), G2)]),
  );

  it('gives the same answers with no cache, a one-entry cache that keeps evicting, and the default', () => {
    const expected = inputs.map((_, i) => i % 2 === 0);
    for (const options of [{ g2CacheSize: 0 }, { g2CacheSize: 1 }, {}]) {
      const backend = createNobleBn254(options);
      // Twice over, so that the second pass runs on whatever the cache kept.
      for (let pass = 0; pass < 2; pass++) expect(inputs.map((input) => backend.pairingCheck(input))).toEqual(expected);
    }
  });

  it('never remembers an invalid G2 point as valid', () => {
    const backend = createNobleBn254({ g2CacheSize: 4 });
    const offCurve = G2.slice();
    offCurve[127] ^= 1;
    for (let i = 0; i < 3; i++) {
      expect(backend.pairingCheck(concatBytes(G1, offCurve))).toBeUndefined();
      expect(backend.pairingCheck(concatBytes(G1, G2, negateG1(G1), G2))).toBe(true);
    }
  });
});

describe('bn254 precompiles on arbitrary input', () => {
  it('never throw', () => {
    for (let i = 0; i < 200; i++) {
      const input = Uint8Array.from({ length: (i * 37) % 400 }, (_, j) => (i * 131 + j * 17) & 0xff);
      for (const precompile of [add, mul, pairing]) {
        const out = precompile.run(input, istanbul);
        expect(out === undefined || out instanceof Uint8Array).toBe(true);
      }
    }
  });
});
