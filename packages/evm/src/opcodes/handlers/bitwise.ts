import type { Handler } from '../../table/instruction-table';
import { MAX_WORD, SIGN_BIT, toSigned } from '../words';

export const lt: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  s[sp - 1] = s[sp] < s[sp - 1] ? 1n : 0n;
  return i + 1;
};

export const gt: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  s[sp - 1] = s[sp] > s[sp - 1] ? 1n : 0n;
  return i + 1;
};

export const slt: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  s[sp - 1] = toSigned(s[sp]) < toSigned(s[sp - 1]) ? 1n : 0n;
  return i + 1;
};

export const sgt: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  s[sp - 1] = toSigned(s[sp]) > toSigned(s[sp - 1]) ? 1n : 0n;
  return i + 1;
};

export const eq: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  s[sp - 1] = s[sp] === s[sp - 1] ? 1n : 0n;
  return i + 1;
};

export const iszero: Handler = (f, i) => {
  const s = f.stack;
  const sp = f.sp - 1;
  s[sp] = s[sp] === 0n ? 1n : 0n;
  return i + 1;
};

export const and: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  s[sp - 1] = s[sp] & s[sp - 1];
  return i + 1;
};

export const or: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  s[sp - 1] = s[sp] | s[sp - 1];
  return i + 1;
};

export const xor: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  s[sp - 1] = s[sp] ^ s[sp - 1];
  return i + 1;
};

export const not: Handler = (f, i) => {
  const s = f.stack;
  const sp = f.sp - 1;
  s[sp] = MAX_WORD ^ s[sp];
  return i + 1;
};

export const byte: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  const index = s[sp];
  s[sp - 1] = index < 32n ? (s[sp - 1] >> (248n - index * 8n)) & 0xffn : 0n;
  return i + 1;
};

/** SHL, SHR, SAR (EIP-145): the shift amount is on top, the value below it. */
export const shl: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  const shift = s[sp];
  s[sp - 1] = shift < 256n ? (s[sp - 1] << shift) & MAX_WORD : 0n;
  return i + 1;
};

export const shr: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  const shift = s[sp];
  s[sp - 1] = shift < 256n ? s[sp - 1] >> shift : 0n;
  return i + 1;
};

export const sar: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  const shift = s[sp];
  const value = s[sp - 1];
  if (shift < 256n) s[sp - 1] = BigInt.asUintN(256, toSigned(value) >> shift);
  else s[sp - 1] = value >= SIGN_BIT ? MAX_WORD : 0n;
  return i + 1;
};
