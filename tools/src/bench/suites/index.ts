import type { BenchSuite } from '../suite';
import { trieBench } from './trie';

/** Every benchmark suite, by the name given on the command line. */
export const BENCH_SUITES: ReadonlyMap<string, BenchSuite> = new Map([trieBench].map((suite) => [suite.name, suite]));
