import { bigintToFixedBytes, ChainConfig, type Fork, hexToBytes } from '@cairn/common';
import { Evm } from '../src/evm';
import { JournaledState } from '../src/state/journaled-state';
import type { BlockEnv } from '../src/transaction/environment';
import { type CallResult, runCall } from '../src/transaction/run-call';
import type { Hooks } from '../src/tracing/hooks';
import { MemoryState } from '../src/state/memory-state';

export const CALLER = hexToBytes('0x1000000000000000000000000000000000000001');
export const CONTRACT = hexToBytes('0x00000000000000000000000000000000000c0de0');
export const BLOCK: BlockEnv = { coinbase: new Uint8Array(20), number: 10n, timestamp: 1000n, gasLimit: 30_000_000n, baseFee: 7n };

export function rulesOf(fork: Fork) {
  return ChainConfig.forFork(fork).rulesFor(fork);
}

/** Assembles hex fragments (with or without 0x) into code. */
export function code(...parts: string[]): Uint8Array {
  return hexToBytes(`0x${parts.map((p) => p.replace(/^0x/, '')).join('')}`);
}

/** PUSH32 of a value. */
export function push(value: bigint): string {
  return `7f${Buffer.from(bigintToFixedBytes(value, 32)).toString('hex')}`;
}

export interface Run extends CallResult {
  readonly state: JournaledState;
  readonly reader: MemoryState;
}

/** Runs `bytecode` at CONTRACT, called by CALLER, under `fork`. */
export async function run(
  fork: Fork,
  bytecode: Uint8Array,
  options: { gas?: bigint; data?: Uint8Array; value?: bigint; setup?: (reader: MemoryState) => void; hooks?: Hooks } = {},
): Promise<Run> {
  const reader = new MemoryState();
  reader.setAccount(CALLER, { balance: 10n ** 20n });
  reader.setAccount(CONTRACT, { code: bytecode });
  options.setup?.(reader);
  const state = new JournaledState(reader);
  const evm = new Evm({ precompiles: () => new Map() });
  const result = await runCall(
    evm,
    state,
    { caller: CALLER, to: CONTRACT, gasLimit: options.gas ?? 1_000_000n, data: options.data, value: options.value },
    BLOCK,
    rulesOf(fork),
    options.hooks,
  );
  return { ...result, state, reader };
}

/** Code that returns the top of the stack as a 32-byte word. */
export const RETURN_TOP = '60005260206000f3';
