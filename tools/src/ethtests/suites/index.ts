import type { Suite } from '../suite';
import { blockchainSuite } from './blockchain';
import { difficultySuite } from './difficulty';
import { ethashSuite } from './ethash';
import { rlpSuite } from './rlp';
import { stateSuite } from './state';
import { trieSuite } from './trie';
import { txSuite } from './tx';

/** Every suite the runner knows, by the name given on the command line. */
export const SUITES: ReadonlyMap<string, Suite> = new Map(
  [rlpSuite, trieSuite, txSuite, difficultySuite, ethashSuite, stateSuite, blockchainSuite].map((suite) => [suite.name, suite]),
);
