import type { Suite } from '../suite';
import { rlpSuite } from './rlp';

/** Every suite the runner knows, by the name given on the command line. */
export const SUITES: ReadonlyMap<string, Suite> = new Map([rlpSuite].map((suite) => [suite.name, suite]));
