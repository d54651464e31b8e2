import { sha256 as sha256Hash } from '@cairn/common';
import { linearGas, type Precompile } from './precompile';

/** 0x02: SHA-256 of the input; 60 gas plus 12 per 32-byte word. */
export const sha256: Precompile = {
  address: 0x02,
  name: 'SHA256',
  gas: (input) => linearGas(input, 60n, 12n),
  run: (input) => sha256Hash(input),
};
