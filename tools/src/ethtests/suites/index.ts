import type { Suite } from '../suite';
import { ethashSuite } from './ethash';
import { rlpSuite } from './rlp';
import { trieSuite } from './trie';

/** Every suite the runner knows, by the name given on the command line. */
export const SUITES: ReadonlyMap<string, Suite> = new Map([rlpSuite, trieSuite, ethashSuite].map((suite) => [suite.name, suite]));
