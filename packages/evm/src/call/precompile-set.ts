import type { ForkRules } from '@cairn/common';

/**
 * The shape of a precompiled contract as the CALL path uses it (the precompiles themselves live
 * in `src/precompiles/`): the price of a call with this input, then its output, or `undefined`
 * when the input is invalid and the call fails with all its gas consumed.
 */
export interface PrecompileLike {
  readonly address: number;
  readonly name: string;
  gas(input: Uint8Array, rules: ForkRules): bigint;
  run(input: Uint8Array, rules: ForkRules): Uint8Array | undefined;
}

/** The precompiles active at one fork, by the low byte of their address (1..10). */
export type PrecompileSet = ReadonlyMap<number, PrecompileLike>;

/** Yields the active precompiles for a fork's rules (cached per rules object by the provider). */
export type PrecompileProvider = (rules: ForkRules) => PrecompileSet;
