import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Fork, forkName, LATEST_FORK } from '@cairn/common';
import { Evm } from '@cairn/evm';
import { median } from '../measure';
import { makeResult } from '../result';
import type { BenchContext, BenchSuite } from '../suite';
import { cairnRun, type EvmWorkload, type PreparedRun, peerRun, type RunOutcome } from './evm-engines';

/** The workloads' fork names, as Cairn's forks; `prague` rules equal Cancun's for every workload here. */
const WORKLOAD_FORKS: Record<string, Fork> = { istanbul: Fork.Istanbul, berlin: Fork.Berlin, london: Fork.London, paris: Fork.Paris, shanghai: Fork.Shanghai, cancun: Fork.Cancun, prague: Fork.Cancun };

/** Seconds of timed runs to aim for per engine and workload; at least 3 and at most 25 runs. */
const TIME_BUDGET = 2;

function loadWorkloads(dir: string): EvmWorkload[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')))
    .filter((w): w is EvmWorkload => typeof w.code === 'string' && typeof w.expected?.executionGasUsed === 'number');
}

/** Median seconds of `prepare()`d runs (the preparation is not timed): one warm-up, then a budgeted count. */
async function timeRuns(prepare: () => PreparedRun | Promise<PreparedRun>, check: (outcome: RunOutcome) => void): Promise<number> {
  const once = async () => {
    const run = await prepare();
    (globalThis as { gc?: () => void }).gc?.();
    const start = process.hrtime.bigint();
    const outcome = await run();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    check(outcome);
    return seconds;
  };
  const first = await once();
  const count = Math.min(25, Math.max(3, Math.round(TIME_BUDGET / first)));
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(await once());
  return median(times);
}

function describe(outcome: RunOutcome): string {
  return `gas ${outcome.gasUsed}, output hash ${outcome.outputHash}, ${outcome.logs} logs`;
}

/**
 * The EVM workloads, each on Cairn and on @ethereumjs/evm in the same process, under the newest
 * fork Cairn executes (Cancun; the workloads' Prague rules equal Cancun's for this code). Where
 * that is the workload's own fork, both engines must use exactly the expected gas and return the
 * expected output; otherwise they must agree with each other. Also measured: Cairn with a hooks object present but every hook unset, the cost of the hook
 * checks when no tracer is set.
 */
export const evmBench: BenchSuite = {
  name: 'evm',
  description: 'EVM workloads (Mgas/s) on Cairn and @ethereumjs/evm, plus the cost of unset tracer hooks',
  async run(context: BenchContext) {
    const fork = LATEST_FORK;
    const evm = new Evm();
    context.log(`fork ${forkName(fork)}; Cairn's keccak: @cairn/common keccak256 (WebAssembly, hash-wasm)`);
    for (const w of loadWorkloads(context.workloadsDir)) {
      const own = WORKLOAD_FORKS[w.fork];
      if (own === undefined) throw new Error(`${w.name}: unknown fork ${w.fork}`);
      const exact = own === fork;
      const expectation = { gasUsed: BigInt(w.expected.executionGasUsed), outputHash: w.expected.outputHash, logs: w.expected.logs };
      let reference: RunOutcome | undefined = exact ? expectation : undefined;
      const check = (engine: string) => (outcome: RunOutcome) => {
        reference ??= outcome;
        if (outcome.gasUsed !== reference.gasUsed || outcome.outputHash !== reference.outputHash || outcome.logs !== reference.logs) {
          throw new Error(`${w.name} on ${engine}: ${describe(outcome)}; expected ${describe(reference)}`);
        }
      };
      const cairn = await timeRuns(() => cairnRun(evm, w, fork), check('Cairn'));
      const peer = await timeRuns(() => peerRun(w, forkName(fork)), check('@ethereumjs/evm'));
      const withHooks = await timeRuns(() => cairnRun(evm, w, fork, {}), check('Cairn (hooks object, no hook set)'));
      const mgas = (seconds: number) => w.expected.executionGasUsed / seconds / 1e6;
      const hookCost = (withHooks / cairn - 1) * 100;
      context.emit(
        makeResult('evm', w.name, 'Mgas/s', mgas(cairn), mgas(peer), `${exact ? 'gas and output as expected' : 'engines agree'}; unset hooks ${hookCost >= 0 ? '+' : ''}${hookCost.toFixed(1)}%`),
      );
    }
  },
};
