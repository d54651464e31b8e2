import type { ForkRules } from '@cairn/common';
import { BlockError } from '../errors';
import type { BlockHeader } from '../header/header';
import { validateHeader } from '../header/validate-header';
import type { BalanceCredit, ConsensusEngine } from './engine';

/**
 * The execution side of proof of stake (EIP-3675), for chains that start after the Merge: the
 * header rules of `validateHeader` with the Merge's constants (zero difficulty and nonce, no
 * ommers), no seal (the consensus client vouches for the block) and no rewards (the beacon
 * chain pays validators). Chains that cross the Merge use their proof-of-work engine, which
 * follows the same rules past the transition.
 */
export class ProofOfStakeEngine implements ConsensusEngine {
  readonly name = 'pos';

  validateHeader(header: BlockHeader, parent: BlockHeader, rules: ForkRules): void {
    if (!rules.has(3675)) throw new BlockError('INVALID_MERGE_TRANSITION', `block ${header.number} is before the Merge (${rules}), which proof of stake cannot validate`);
    validateHeader(header, parent, rules);
  }

  async verifySeal(): Promise<void> {
    // A proof-of-stake block has no seal in its header: the consensus client attests to it.
  }

  rewards(): readonly BalanceCredit[] {
    return [];
  }
}
