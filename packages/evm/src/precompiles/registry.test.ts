import { concatBytes, createForkRules, Fork, FORKS, forkName, hexToBytes, recoverPublicKey } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import type { Blake2fBackend, Bn254Backend } from './backends';
import { createJsBlake2f } from './blake2b-compress';
import { createNobleBn254 } from './bn254-noble';
import { createMicroEthSignerKzg } from './kzg-micro-eth-signer';
import { createPrecompileRegistry, precompilesFor } from './registry';

const rulesOf = (fork: Fork) => createForkRules(fork, 1n);

describe('precompile registry', () => {
  it('activates each precompile at its fork', () => {
    const expected = (fork: Fork): number[] => {
      if (fork >= Fork.Cancun) return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
      if (fork >= Fork.Istanbul) return [1, 2, 3, 4, 5, 6, 7, 8, 9];
      if (fork >= Fork.Byzantium) return [1, 2, 3, 4, 5, 6, 7, 8];
      return [1, 2, 3, 4];
    };
    for (const fork of FORKS) {
      const set = precompilesFor(rulesOf(fork));
      expect([...set.keys()], forkName(fork)).toEqual(expected(fork));
      for (const [address, precompile] of set) expect(precompile.address).toBe(address);
    }
  });

  it('builds one set per rules object and reuses it', () => {
    const rules = rulesOf(Fork.London);
    expect(precompilesFor(rules)).toBe(precompilesFor(rules));
    expect(precompilesFor(rulesOf(Fork.London))).not.toBe(precompilesFor(rules));
  });

  it('prices by the rules passed at call time (EIP-1108 and EIP-2565)', () => {
    const add = precompilesFor(rulesOf(Fork.Cancun)).get(6)!;
    expect(add.gas(new Uint8Array(0), rulesOf(Fork.Byzantium))).toBe(500n);
    expect(add.gas(new Uint8Array(0), rulesOf(Fork.Cancun))).toBe(150n);
    expect(precompilesFor(rulesOf(Fork.Byzantium)).get(5)!.gas(new Uint8Array(0), rulesOf(Fork.Byzantium))).toBe(0n);
    expect(precompilesFor(rulesOf(Fork.Berlin)).get(5)!.gas(new Uint8Array(0), rulesOf(Fork.Berlin))).toBe(200n);
  });

  it('runs the bn254 and BLAKE2F precompiles on the backends it is given', () => {
    const calls: string[] = [];
    const noble = createNobleBn254();
    const counting: Bn254Backend = {
      add(input) {
        calls.push('add');
        return noble.add(input);
      },
      mul(input) {
        calls.push('mul');
        return noble.mul(input);
      },
      pairingCheck(input) {
        calls.push('pairing');
        return noble.pairingCheck(input);
      },
    };
    const js = createJsBlake2f();
    const blake2f: Blake2fBackend = {
      compress(...args) {
        calls.push('blake2f');
        return js.compress(...args);
      },
    };
    const registry = createPrecompileRegistry({ secp256k1: { recoverPublicKey }, bn254: counting, kzg: createMicroEthSignerKzg(), blake2f });
    const rules = rulesOf(Fork.Cancun);
    const set = registry(rules);
    const g1 = hexToBytes(`0x${'00'.repeat(31)}01${'00'.repeat(31)}02`);
    expect(set.get(6)!.run(concatBytes(g1, g1), rules)).toEqual(set.get(7)!.run(concatBytes(g1, hexToBytes(`0x${'00'.repeat(31)}02`)), rules));
    expect(set.get(8)!.run(new Uint8Array(0), rules)).toBeDefined();
    expect(set.get(9)!.run(new Uint8Array(213), rules)).toHaveLength(64);
    expect(calls).toEqual(['add', 'mul', 'pairing', 'blake2f']);
  });

  it('never lets an exception escape, whatever the input', () => {
    const rules = rulesOf(Fork.Cancun);
    const set = precompilesFor(rules);
    const lengths = [0, 1, 31, 32, 63, 64, 95, 96, 127, 128, 129, 191, 192, 193, 212, 213, 214, 384];
    for (const [address, precompile] of set) {
      for (const [i, length] of lengths.entries()) {
        for (const fill of [0x00, 0xff, -1]) {
          const input = Uint8Array.from({ length }, (_, j) => (fill >= 0 ? fill : (j * 53 + i * 11 + address) & 0xff));
          // Keep BLAKE2F's round count small so that the sweep stays quick.
          if (address === 9 && length === 213) input.fill(0, 0, 3);
          const gas = precompile.gas(input, rules);
          expect(gas >= 0n, `${precompile.name} gas`).toBe(true);
          const out = precompile.run(input, rules);
          expect(out === undefined || out instanceof Uint8Array, `${precompile.name} output`).toBe(true);
        }
      }
    }
  });
});
