import { ripemd160 as ripemd160Hash } from '@cairn/common';
import { linearGas, type Precompile } from './precompile';

/** 0x03: RIPEMD-160 of the input, left-padded to a 32-byte word; 600 gas plus 120 per word. */
export const ripemd160: Precompile = {
  address: 0x03,
  name: 'RIPEMD160',
  gas: (input) => linearGas(input, 600n, 120n),
  run(input) {
    const output = new Uint8Array(32);
    output.set(ripemd160Hash(input), 12);
    return output;
  },
};
