import type { BenchResult } from './result';

/** What every benchmark suite is given. */
export interface BenchContext {
  /** `../shared/bench/workloads`. */
  readonly workloadsDir: string;
  /** Called with each result as soon as it is measured. */
  readonly emit: (result: BenchResult) => void;
  /** Progress and notes for a human reader (stderr, so `--json` output stays clean). */
  readonly log: (line: string) => void;
}

export interface BenchSuite {
  readonly name: string;
  readonly description: string;
  run(context: BenchContext): Promise<void>;
}
