import type { Handler } from '../../table/instruction-table';
import { byteLength, fromSigned, MAX_WORD, TWO_256, toSigned } from '../words';
import { Status } from '../../interpreter/status';

// Binary operators pop a (the top) and b, and leave their result where b was.

export const add: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  const r = s[sp] + s[sp - 1];
  s[sp - 1] = r > MAX_WORD ? r - TWO_256 : r;
  return i + 1;
};

export const mul: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  s[sp - 1] = (s[sp] * s[sp - 1]) & MAX_WORD;
  return i + 1;
};

export const sub: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  const r = s[sp] - s[sp - 1];
  s[sp - 1] = r < 0n ? r + TWO_256 : r;
  return i + 1;
};

export const div: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  const b = s[sp - 1];
  s[sp - 1] = b === 0n ? 0n : s[sp] / b;
  return i + 1;
};

export const sdiv: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  const b = s[sp - 1];
  // BigInt division truncates towards zero, as the EVM does; -2^255 / -1 wraps back to -2^255.
  s[sp - 1] = b === 0n ? 0n : BigInt.asUintN(256, toSigned(s[sp]) / toSigned(b));
  return i + 1;
};

export const mod: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  const b = s[sp - 1];
  s[sp - 1] = b === 0n ? 0n : s[sp] % b;
  return i + 1;
};

export const smod: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  const b = s[sp - 1];
  // The remainder takes the dividend's sign, in JavaScript as in the EVM.
  s[sp - 1] = b === 0n ? 0n : fromSigned(toSigned(s[sp]) % toSigned(b));
  return i + 1;
};

export const addmod: Handler = (f, i) => {
  const s = f.stack;
  const sp = (f.sp -= 2);
  const n = s[sp - 1];
  s[sp - 1] = n === 0n ? 0n : (s[sp + 1] + s[sp]) % n;
  return i + 1;
};

export const mulmod: Handler = (f, i) => {
  const s = f.stack;
  const sp = (f.sp -= 2);
  const n = s[sp - 1];
  s[sp - 1] = n === 0n ? 0n : (s[sp + 1] * s[sp]) % n;
  return i + 1;
};

/** base^exponent mod 2^256 by square-and-multiply. */
export function expWord(base: bigint, exponent: bigint): bigint {
  if (exponent === 0n) return 1n;
  if (base === 2n) return exponent < 256n ? 1n << exponent : 0n;
  let result = 1n;
  let b = base;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) & MAX_WORD;
    e >>= 1n;
    if (e > 0n) b = (b * b) & MAX_WORD;
  }
  return result;
}

/** EXP, with `perByte` gas for each byte of the exponent (10, or 50 from EIP-160). */
export function makeExp(perByte: number): Handler {
  return (f, i) => {
    const s = f.stack;
    const sp = --f.sp;
    const exponent = s[sp - 1];
    if (exponent !== 0n && !f.charge(perByte * byteLength(exponent))) return f.halt(Status.OutOfGas);
    s[sp - 1] = expWord(s[sp], exponent);
    return i + 1;
  };
}

export const signextend: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  const k = s[sp];
  if (k < 31n) {
    const x = s[sp - 1];
    const signBit = 1n << (k * 8n + 7n);
    const mask = (signBit << 1n) - 1n;
    s[sp - 1] = x & signBit ? x | (MAX_WORD ^ mask) : x & mask;
  }
  return i + 1;
};

