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

/** Seconds of timed runs to aim for per variant and workload (5 to 100 rounds). */
const TIME_BUDGET = 2;
/** Warm-up per variant before timing: this many runs, or this many seconds, whichever ends first. */
const WARMUP_RUNS = 10;
const WARMUP_SECONDS = 1;

function loadWorkloads(dir: string): EvmWorkload[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')))
    .filter((w): w is EvmWorkload => typeof w.code === 'string' && typeof w.expected?.executionGasUsed === 'number');
}

/** A way to run a workload: builds a fresh run (not timed) and checks its outcome. */
interface Variant {
  readonly prepare: () => PreparedRun | Promise<PreparedRun>;
  readonly check: (outcome: RunOutcome) => void;
}

async function timeOnce(variant: Variant): Promise<number> {
  const run = await variant.prepare();
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.hrtime.bigint();
  const outcome = await run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  variant.check(outcome);
  return seconds;
}

/**
 * Seconds of each variant's runs, round by round (preparation is not timed). After a warm-up
 * (so that the JIT has compiled the hot code), the variants take turns run by run, so that drift
 * in the machine's load falls on all alike; the rounds fit TIME_BUDGET seconds for the slowest.
 */
async function timeVariants(variants: readonly Variant[]): Promise<number[][]> {
  let slowest = 0;
  for (const variant of variants) {
    let spent = 0;
    let last = 0;
    for (let run = 0; run < WARMUP_RUNS && spent < WARMUP_SECONDS; run++) {
      last = await timeOnce(variant);
      spent += last;
    }
    slowest = Math.max(slowest, last);
  }
  const rounds = Math.min(100, Math.max(5, Math.round(TIME_BUDGET / slowest)));
  const times: number[][] = variants.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let v = 0; v < variants.length; v++) times[v].push(await timeOnce(variants[v]));
  }
  return times;
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
      const [cairnTimes, peerTimes, hookTimes] = await timeVariants([
        { prepare: () => cairnRun(evm, w, fork), check: check('Cairn') },
        { prepare: () => peerRun(w, forkName(fork)), check: check('@ethereumjs/evm') },
        { prepare: () => cairnRun(evm, w, fork, {}), check: check('Cairn (hooks object, no hook set)') },
      ]);
      const mgas = (seconds: number) => w.expected.executionGasUsed / seconds / 1e6;
      const cairn = median(cairnTimes);
      const peer = median(peerTimes);
      // The hook cost as the median of the per-round ratios, which cancels slow drift in load.
      const hookCost = (median(hookTimes.map((t, round) => t / cairnTimes[round])) - 1) * 100;
      context.emit(
        makeResult('evm', w.name, 'Mgas/s', mgas(cairn), mgas(peer), `${exact ? 'gas and output as expected' : 'engines agree'}; unset hooks ${hookCost >= 0 ? '+' : ''}${hookCost.toFixed(1)}%`),
      );
    }
  },
};
