import type { ForkRules } from '@cairn/common';
import type { Block } from '../block/block';
import type { BlockHeader } from '../header/header';
import type { Receipt } from '../receipts/receipt';
import type { BalanceCredit, ConsensusEngine } from './engine';

/**
 * Another engine with its seal check switched off: every rule of `inner` holds (difficulty,
 * rewards, ommers) but seals are taken as valid. This is what ethereum/tests mean by
 * `sealEngine: "NoProof"`, and what a chain generated without mining needs.
 */
export class NoProofEngine implements ConsensusEngine {
  readonly name: string;

  constructor(private readonly inner: ConsensusEngine) {
    this.name = `${inner.name} (no proof)`;
  }

  validateHeader(header: BlockHeader, parent: BlockHeader, rules: ForkRules): void | Promise<void> {
    return this.inner.validateHeader(header, parent, rules);
  }

  async verifySeal(): Promise<void> {
    // Deliberately empty: not checking the seal is this engine's whole purpose.
  }

  rewards(block: Block, rules: ForkRules): readonly BalanceCredit[] {
    return this.inner.rewards(block, rules);
  }

  validatePostExecution(block: Block, receipts: readonly Receipt[], rules: ForkRules): void {
    this.inner.validatePostExecution?.(block, receipts, rules);
  }
}
