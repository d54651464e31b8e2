import type { Blake2fBackend } from './backends';
import type { Precompile } from './precompile';

/** rounds (4) ‖ h (64) ‖ m (128) ‖ t (16) ‖ f (1). */
const INPUT_LENGTH = 213;

/** The round count: a big-endian uint32 at the start of the input. */
function rounds(input: Uint8Array): number {
  return new DataView(input.buffer, input.byteOffset, 4).getUint32(0, false);
}

/**
 * 0x09 (EIP-152, Istanbul): the BLAKE2b compression function F. Exactly 213 bytes of input with a
 * final-block flag of 0 or 1, else the call fails; one gas per round. Output: the new state h,
 * 64 bytes little-endian.
 */
export function createBlake2f(backend: Blake2fBackend): Precompile {
  return {
    address: 0x09,
    name: 'BLAKE2F',
    gas: (input) => (input.length === INPUT_LENGTH ? BigInt(rounds(input)) : 0n),
    run(input) {
      if (input.length !== INPUT_LENGTH) return undefined;
      const flag = input[212];
      if (flag !== 0 && flag !== 1) return undefined;
      return backend.compress(rounds(input), input.subarray(4, 68), input.subarray(68, 196), input.subarray(196, 212), flag === 1);
    },
  };
}
