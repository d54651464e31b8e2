import type { ForkRules } from '@cairn/common';

/**
 * One precompiled contract, as the interpreter calls it: charge `gas(input)` first, then `run`.
 * Both are pure functions of the input and the fork rules; neither throws on any input.
 */
export interface Precompile {
  /** The low byte of the address (1 for 0x00…01 up to 10 for 0x00…0a). */
  readonly address: number;
  readonly name: string;
  /** The cost of a call with this input. May exceed 2^64 (modexp): such a call can never be paid. */
  gas(input: Uint8Array, rules: ForkRules): bigint;
  /**
   * The call's output, or `undefined` when the input is invalid: the call then fails and consumes
   * all the gas given to it. A precompile that defines an empty output for bad input (ecrecover)
   * returns an empty array instead, which is a success.
   */
  run(input: Uint8Array, rules: ForkRules): Uint8Array | undefined;
}

/** The precompiles active at one fork, by the low byte of their address. */
export type PrecompileSet = ReadonlyMap<number, Precompile>;

/** Number of 32-byte words needed to hold `length` bytes, as the per-word prices count them. */
export function wordCount(length: number): bigint {
  return BigInt(Math.ceil(length / 32));
}

/** `base + perWord * words(input)`, the linear price of the hashing and copying precompiles. */
export function linearGas(input: Uint8Array, base: bigint, perWord: bigint): bigint {
  return base + perWord * wordCount(input.length);
}

/**
 * `length` bytes of `input` from `offset`, reading past its end as zeros: the "call data is
 * infinitely right-padded with zero bytes" rule. `offset` is a bigint because modexp offsets come
 * from 256-bit length fields.
 */
export function readPadded(input: Uint8Array, offset: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  if (offset >= BigInt(input.length)) return out;
  const start = Number(offset);
  out.set(input.subarray(start, Math.min(start + length, input.length)));
  return out;
}

/** `input` zero-padded (or truncated) to exactly `length` bytes; the input itself when it fits. */
export function rightPad(input: Uint8Array, length: number): Uint8Array {
  if (input.length === length) return input;
  return readPadded(input, 0n, length);
}
