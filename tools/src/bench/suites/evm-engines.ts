import { bytesToHex, ChainConfig, type Fork, hexToBytes, keccak256 } from '@cairn/common';
import { type Evm, type Hooks, JournaledState, MemoryState, runCall } from '@cairn/evm';
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { createEVM, type EVM } from '@ethereumjs/evm';
import { SimpleStateManager } from '@ethereumjs/statemanager';
import { Account, createAddressFromString } from '@ethereumjs/util';

/** One EVM workload of ../shared/bench/workloads (see its README for the fields). */
export interface EvmWorkload {
  readonly name: string;
  readonly fork: string;
  readonly address: string;
  readonly caller: string;
  readonly gasLimit: number;
  readonly code: string;
  readonly calldata: string;
  readonly expected: { readonly executionGasUsed: number; readonly outputHash: string; readonly logs: number };
}

/** What one run of a workload produced, for the checks. */
export interface RunOutcome {
  readonly gasUsed: bigint;
  readonly outputHash: string;
  readonly logs: number;
}

/** A prepared run: everything built, only the call itself left to time. */
export type PreparedRun = () => Promise<RunOutcome>;

/** A large balance for the caller, as the workloads README asks. */
const CALLER_BALANCE = 10n ** 30n;

/**
 * Cairn: a fresh in-memory state holding the contract and the funded caller, then one message
 * call with transaction access semantics (caller, contract and precompiles warm).
 */
export function cairnRun(evm: Evm, w: EvmWorkload, fork: Fork, hooks?: Hooks): PreparedRun {
  const rules = ChainConfig.forFork(fork).rulesFor(fork);
  const world = new MemoryState();
  world.setAccount(hexToBytes(w.address), { code: hexToBytes(w.code) });
  world.setAccount(hexToBytes(w.caller), { balance: CALLER_BALANCE });
  const state = new JournaledState(world, evm.hasher);
  const block = { coinbase: new Uint8Array(20), number: 1n, timestamp: 1n, gasLimit: BigInt(w.gasLimit), prevRandao: new Uint8Array(32), baseFee: 0n, excessBlobGas: 0n };
  return async () => {
    const result = await runCall(evm, state, { caller: hexToBytes(w.caller), to: hexToBytes(w.address), data: hexToBytes(w.calldata), gasLimit: BigInt(w.gasLimit) }, block, rules, hooks);
    return { gasUsed: result.gasUsed, outputHash: bytesToHex(keccak256(result.output)), logs: result.logs.length };
  };
}

/** ethereumjs hardfork names of the forks the bench may run under. */
const PEER_HARDFORKS: Record<string, Hardfork> = {
  Istanbul: Hardfork.Istanbul,
  Berlin: Hardfork.Berlin,
  London: Hardfork.London,
  Paris: Hardfork.Paris,
  Shanghai: Hardfork.Shanghai,
  Cancun: Hardfork.Cancun,
};

/**
 * The peer, @ethereumjs/evm: the same state on its SimpleStateManager. Its `runCall` does not warm
 * the caller, the contract or the precompiles by itself, so they are added as always-warm
 * addresses first, as the workloads README prescribes.
 */
export async function peerRun(w: EvmWorkload, forkName: string): Promise<PreparedRun> {
  const hardfork = PEER_HARDFORKS[forkName];
  if (hardfork === undefined) throw new Error(`no ethereumjs hardfork for ${forkName}`);
  const common = new Common({ chain: Mainnet, hardfork });
  const stateManager = new SimpleStateManager();
  const evm: EVM = await createEVM({ common, stateManager });
  const to = createAddressFromString(w.address);
  const caller = createAddressFromString(w.caller);
  await stateManager.putAccount(to, new Account(0n, 0n));
  await stateManager.putCode(to, hexToBytes(w.code));
  await stateManager.putAccount(caller, new Account(0n, CALLER_BALANCE));
  for (const address of [w.address, w.caller]) evm.journal.addAlwaysWarmAddress(address.slice(2));
  for (let p = 1; p <= 0x0a; p++) evm.journal.addAlwaysWarmAddress(p.toString(16).padStart(40, '0'));
  const data = hexToBytes(w.calldata);
  return async () => {
    const result = await evm.runCall({ caller, to, data, gasLimit: BigInt(w.gasLimit) });
    const exec = result.execResult;
    return { gasUsed: exec.executionGasUsed, outputHash: bytesToHex(keccak256(exec.returnValue)), logs: exec.logs?.length ?? 0 };
  };
}
