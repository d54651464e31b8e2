import { linearGas, type Precompile } from './precompile';

/** 0x04: the input itself (a copy, so the caller's memory and the output never alias); 15 + 3/word. */
export const identity: Precompile = {
  address: 0x04,
  name: 'ID',
  gas: (input) => linearGas(input, 15n, 3n),
  run: (input) => input.slice(),
};
