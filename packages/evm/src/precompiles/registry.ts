import { type ForkRules, recoverPublicKey } from '@cairn/common';
import { createEcrecover } from './0x01-ecrecover';
import { sha256 } from './0x02-sha256';
import { ripemd160 } from './0x03-ripemd160';
import { identity } from './0x04-identity';
import { modexp } from './0x05-modexp';
import { createBn254Add } from './0x06-bn254-add';
import { createBn254Mul } from './0x07-bn254-mul';
import { createBn254Pairing } from './0x08-bn254-pairing';
import { createBlake2f } from './0x09-blake2f';
import { createPointEvaluation } from './0x0a-point-evaluation';
import type { PrecompileBackends } from './backends';
import { createJsBlake2f } from './blake2b-compress';
import { createWasmBlake2f } from './blake2b-wasm';
import { createNobleBn254 } from './bn254-noble';
import { createMicroEthSignerKzg } from './kzg-micro-eth-signer';
import type { Precompile, PrecompileSet } from './precompile';

/** A precompile and the rule that switches it on. */
interface Activation {
  readonly precompile: Precompile;
  /** Whether the precompile exists under `rules` (from the EIP that introduced it). */
  readonly active: (rules: ForkRules) => boolean;
}

const always = (): boolean => true;
const since =
  (eip: number) =>
  (rules: ForkRules): boolean =>
    rules.has(eip);

/** Every precompile Cairn knows, in address order, each with its activation rule. */
function activations(backends: PrecompileBackends): readonly Activation[] {
  return [
    { precompile: createEcrecover(backends.secp256k1), active: always },
    { precompile: sha256, active: always },
    { precompile: ripemd160, active: always },
    { precompile: identity, active: always },
    { precompile: modexp, active: since(198) },
    { precompile: createBn254Add(backends.bn254), active: since(196) },
    { precompile: createBn254Mul(backends.bn254), active: since(196) },
    { precompile: createBn254Pairing(backends.bn254), active: since(197) },
    { precompile: createBlake2f(backends.blake2f), active: since(152) },
    { precompile: createPointEvaluation(backends.kzg), active: since(4844) },
  ];
}

/**
 * A function from fork rules to the active precompile set, built on `backends`. Each set is built
 * once per rules object (rules are shared by every block of a fork) and then reused.
 */
export function createPrecompileRegistry(backends: PrecompileBackends): (rules: ForkRules) => PrecompileSet {
  const all = activations(backends);
  const cache = new WeakMap<ForkRules, PrecompileSet>();
  return (rules) => {
    let set = cache.get(rules);
    if (set === undefined) {
      set = new Map(all.filter((a) => a.active(rules)).map((a) => [a.precompile.address, a.precompile]));
      cache.set(rules, set);
    }
    return set;
  };
}

/**
 * The default backends: secp256k1 from `@cairn/common`, bn254 on `@noble/curves`, KZG on
 * `micro-eth-signer` with the mainnet trusted setup (parsed on first use), BLAKE2 F on Cairn's
 * WebAssembly module (compiled on first use; the JavaScript one where WebAssembly is unavailable).
 */
export function createDefaultBackends(): PrecompileBackends {
  return {
    secp256k1: { recoverPublicKey },
    bn254: createNobleBn254(),
    kzg: createMicroEthSignerKzg(),
    blake2f: createWasmBlake2f(createJsBlake2f()),
  };
}

// Pure so that bundles which bring their own backends drop the defaults (and the trusted setup).
const defaultRegistry = /* @__PURE__ */ createPrecompileRegistry(/* @__PURE__ */ createDefaultBackends());

/** The precompiles active under `rules`, on the default backends; cached per rules object. */
export function precompilesFor(rules: ForkRules): PrecompileSet {
  return defaultRegistry(rules);
}
