import type { CaseReporter } from './reporter';

/** Options from the command line that every suite honours. */
export interface RunOptions {
  /** Only this fork's cases (the suite's fork names, such as `Istanbul`). */
  readonly fork?: string;
  /** Only cases whose `file test` text matches. */
  readonly filter?: RegExp;
}

/** One runnable part of ethereum/tests, such as `rlp` or `state`. */
export interface Suite {
  readonly name: string;
  /** Folders (relative to a source root) whose JSON files this suite runs. */
  readonly folders: readonly string[];
  /** Runs every case of one file; `file` is relative to the source root, `path` absolute. */
  runFile(path: string, file: string, options: RunOptions, reporter: CaseReporter): Promise<void> | void;
}

/** Whether the `--filter` option selects a case. */
export function selected(options: RunOptions, file: string, test: string): boolean {
  return options.filter === undefined || options.filter.test(`${file} ${test}`);
}
