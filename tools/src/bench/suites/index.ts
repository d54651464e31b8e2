import type { BenchSuite } from '../suite';
import { ethashBench } from './ethash';
import { evmBench } from './evm';
import { importBench } from './import';
import { precompilesBench } from './precompiles';
import { rpcBench } from './rpc';
import { syncBench } from './sync';
import { trieBench } from './trie';

/** Every benchmark suite, by the name given on the command line. */
export const BENCH_SUITES: ReadonlyMap<string, BenchSuite> = new Map(
  [trieBench, evmBench, precompilesBench, ethashBench, importBench, rpcBench, syncBench].map((suite) => [suite.name, suite]),
);
