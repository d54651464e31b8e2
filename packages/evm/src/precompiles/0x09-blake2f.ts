import { blake2bCompress } from './blake2b-compress';
import type { Precompile } from './precompile';

/** rounds (4) ‖ h (64) ‖ m (128) ‖ t (16) ‖ f (1). */
const INPUT_LENGTH = 213;

/** `count` little-endian 32-bit halves from `offset`: EIP-152 encodes its words little-endian. */
function readHalves(input: Uint8Array, offset: number, count: number): Uint32Array {
  const view = new DataView(input.buffer, input.byteOffset + offset, count * 4);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = view.getUint32(4 * i, true);
  return out;
}

/**
 * 0x09 (EIP-152, Istanbul): the BLAKE2b compression function F. Exactly 213 bytes of input with a
 * final-block flag of 0 or 1, else the call fails; one gas per round, the rounds being a
 * big-endian uint32 at the start. Output: the new state h, 64 bytes little-endian.
 */
export const blake2f: Precompile = {
  address: 0x09,
  name: 'BLAKE2F',
  gas(input) {
    if (input.length !== INPUT_LENGTH) return 0n;
    return BigInt(new DataView(input.buffer, input.byteOffset, 4).getUint32(0, false));
  },
  run(input) {
    if (input.length !== INPUT_LENGTH) return undefined;
    const flag = input[212];
    if (flag !== 0 && flag !== 1) return undefined;
    const rounds = new DataView(input.buffer, input.byteOffset, 4).getUint32(0, false);
    const h = readHalves(input, 4, 16);
    blake2bCompress(rounds, h, readHalves(input, 68, 32), readHalves(input, 196, 4), flag === 1);
    const output = new Uint8Array(64);
    const view = new DataView(output.buffer);
    for (let i = 0; i < 16; i++) view.setUint32(4 * i, h[i], true);
    return output;
  },
};
