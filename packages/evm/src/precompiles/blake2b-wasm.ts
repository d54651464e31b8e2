import { CairnError } from '@cairn/common';
import type { Blake2fBackend } from './backends';
import { checkBlake2fInput } from './blake2b-compress';
import { BLAKE2B_COMPRESS_WASM_BASE64 } from './blake2b-compress.wasm.generated';

/** The part of the WebAssembly JavaScript API used here (neither the ES lib nor @types/node declares it). */
interface WebAssemblyApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: object };
}

/** What blake2b-compress.wat exports. */
interface Blake2bExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  compress(rounds: number, final: number): void;
}

/** Where the module's memory holds h, m and t (its header comment gives the whole layout). */
const H_OFFSET = 0;
const M_OFFSET = 64;
const T_OFFSET = 192;

/**
 * BLAKE2 F on the hand-written WebAssembly module (blake2b-compress.wat), compiled and
 * instantiated synchronously now. About 8 ns a round against 260 ns for the JavaScript backend,
 * so that EIP-152's maximum of 2^32 - 1 rounds takes about half a minute instead of about
 * twenty minutes. Throws a `CairnError` (WASM_UNAVAILABLE) where WebAssembly is missing; compiling errors
 * (a host that forbids WebAssembly) pass through as they are.
 */
export function instantiateWasmBlake2f(): Blake2fBackend {
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  if (api === undefined) throw new CairnError('WASM_UNAVAILABLE', 'WebAssembly is not available in this JavaScript runtime');
  const bytes = Uint8Array.from(atob(BLAKE2B_COMPRESS_WASM_BASE64), (char) => char.charCodeAt(0));
  const exports = new api.Instance(new api.Module(bytes), {}).exports as Blake2bExports;
  // The module never grows its memory, so this view stays valid for the instance's lifetime.
  const memory = new Uint8Array(exports.memory.buffer);
  return {
    compress(rounds, h, m, t, final) {
      checkBlake2fInput(rounds, h, m, t);
      memory.set(h, H_OFFSET);
      memory.set(m, M_OFFSET);
      memory.set(t, T_OFFSET);
      // The i32 parameter takes the u32's bits (ToInt32 wraps), which the module reads unsigned.
      exports.compress(rounds, final ? 1 : 0);
      return memory.slice(H_OFFSET, H_OFFSET + 64);
    },
  };
}

/**
 * The WebAssembly backend, compiled at its first call so that importing the package costs
 * nothing; where that fails (no WebAssembly, or a host that refuses to compile it) `fallback`
 * serves that call and every later one.
 */
export function createWasmBlake2f(fallback: Blake2fBackend): Blake2fBackend {
  let backend: Blake2fBackend | undefined;
  return {
    compress(rounds, h, m, t, final) {
      if (backend === undefined) {
        try {
          backend = instantiateWasmBlake2f();
        } catch {
          backend = fallback;
        }
      }
      return backend.compress(rounds, h, m, t, final);
    },
  };
}
