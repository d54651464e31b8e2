import { CairnError, keccak256, ValueError } from '@cairn/common';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Blake2fBackend } from './backends';
import { createJsBlake2f } from './blake2b-compress';
import { createWasmBlake2f, instantiateWasmBlake2f } from './blake2b-wasm';

/** A deterministic byte stream (keccak in counter mode): every run checks the same inputs. */
function seeded(seed: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 32) out.set(keccak256(new TextEncoder().encode(`${seed}/${i}`)).subarray(0, Math.min(32, length - i)), i);
  return out;
}

const js = createJsBlake2f();
const wasm = instantiateWasmBlake2f();

describe('BLAKE2 F backends', () => {
  it('agree on 300 seeded random inputs with 0 to 50 rounds', () => {
    for (let i = 0; i < 300; i++) {
      const [h, m, t] = [seeded(`h${i}`, 64), seeded(`m${i}`, 128), seeded(`t${i}`, 16)];
      const rounds = seeded(`rounds${i}`, 1)[0] % 51;
      const final = (seeded(`f${i}`, 1)[0] & 1) === 1;
      expect(wasm.compress(rounds, h, m, t, final), `input ${i}: ${rounds} rounds`).toEqual(js.compress(rounds, h, m, t, final));
    }
  });

  it('agree around the WebAssembly module’s chunks of 10240 rounds', () => {
    const [h, m, t] = [seeded('h', 64), seeded('m', 128), seeded('t', 16)];
    for (const rounds of [10239, 10240, 10241, 10249, 20480, 20487]) {
      expect(wasm.compress(rounds, h, m, t, true), `${rounds} rounds`).toEqual(js.compress(rounds, h, m, t, true));
    }
  });

  it('leave their inputs unchanged and return a fresh array each call', () => {
    for (const backend of [wasm, js]) {
      const [h, m, t] = [seeded('h', 64), seeded('m', 128), seeded('t', 16)];
      const copies = [h.slice(), m.slice(), t.slice()];
      const first = backend.compress(12, h, m, t, false);
      expect([h, m, t]).toEqual(copies);
      const second = backend.compress(12, h, m, t, false);
      expect(second).toEqual(first);
      expect(second).not.toBe(first);
    }
  });

  it('read words from subarrays at any offset', () => {
    const buffer = seeded('buffer', 300);
    const [h, m, t] = [buffer.subarray(1, 65), buffer.subarray(67, 195), buffer.subarray(201, 217)];
    expect(wasm.compress(7, h, m, t, true)).toEqual(js.compress(7, h.slice(), m.slice(), t.slice(), true));
  });

  it('reject wrong sizes and round counts that are not a u32 with a ValueError', () => {
    const [h, m, t] = [new Uint8Array(64), new Uint8Array(128), new Uint8Array(16)];
    for (const backend of [wasm, js]) {
      expect(() => backend.compress(1, new Uint8Array(63), m, t, true)).toThrow(ValueError);
      expect(() => backend.compress(1, h, new Uint8Array(129), t, true)).toThrow(ValueError);
      expect(() => backend.compress(1, h, m, new Uint8Array(8), true)).toThrow(ValueError);
      for (const rounds of [-1, 1.5, 2 ** 32, Number.NaN]) expect(() => backend.compress(rounds, h, m, t, true)).toThrow(ValueError);
    }
  });
});

describe('createWasmBlake2f', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** A backend that answers like the JavaScript one and counts its calls. */
  function counting(): Blake2fBackend & { calls: number } {
    return {
      calls: 0,
      compress(...args) {
        this.calls++;
        return js.compress(...args);
      },
    };
  }

  it('runs on WebAssembly where it is available and never calls the fallback', () => {
    const fallback = counting();
    const backend = createWasmBlake2f(fallback);
    const [h, m, t] = [seeded('h', 64), seeded('m', 128), seeded('t', 16)];
    expect(backend.compress(3, h, m, t, true)).toEqual(js.compress(3, h, m, t, true));
    expect(fallback.calls).toBe(0);
  });

  it('falls back, for good, where WebAssembly is missing', () => {
    vi.stubGlobal('WebAssembly', undefined);
    expect(() => instantiateWasmBlake2f()).toThrow(CairnError);
    const fallback = counting();
    const backend = createWasmBlake2f(fallback);
    const [h, m, t] = [seeded('h', 64), seeded('m', 128), seeded('t', 16)];
    expect(backend.compress(3, h, m, t, true)).toEqual(js.compress(3, h, m, t, true));
    vi.unstubAllGlobals();
    backend.compress(3, h, m, t, true);
    expect(fallback.calls).toBe(2);
  });
});
