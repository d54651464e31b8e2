import type { Suite } from '../suite';
import { blockchainSuite } from './blockchain';
import { difficultySuite } from './difficulty';
import { rlpSuite } from './rlp';
import { trieSuite } from './trie';
import { txSuite } from './tx';

/** Every suite the runner knows, by the name given on the command line. */
export const SUITES: ReadonlyMap<string, Suite> = new Map([rlpSuite, trieSuite, txSuite, difficultySuite, blockchainSuite].map((suite) => [suite.name, suite]));
