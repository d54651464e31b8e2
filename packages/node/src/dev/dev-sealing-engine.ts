import { type BalanceCredit, type Block, type BlockHeader, type BlockProducer, type ConsensusEngine, ProofOfStakeEngine } from '@cairn/chain';
import { type Address, type ForkRules, keccak256 } from '@cairn/common';

/** What the development engine writes into each block's extra data. */
const EXTRA_DATA = new TextEncoder().encode('cairn dev');

/**
 * The engine of `cairn --network=dev`: one node seals every block of a chain that starts after
 * the Merge. Headers follow proof of stake's rules (zero difficulty and nonce, no ommers, no
 * rewards); there is no seal to check, since no other party produces blocks. PREVRANDAO, which
 * a beacon chain would supply, is the hash of the parent's hash, so that it changes every block.
 */
export class DevSealingEngine implements ConsensusEngine {
  readonly name = 'dev';
  readonly #headerRules = new ProofOfStakeEngine();
  readonly producer: BlockProducer = {
    prepare: async (parent: BlockHeader) => ({ difficulty: 0n, nonce: new Uint8Array(8), mixHash: keccak256(parent.hash()), extraData: EXTRA_DATA }),
    seal: async (block: Block) => block,
    author: (header: BlockHeader): Address => header.coinbase,
  };

  validateHeader(header: BlockHeader, parent: BlockHeader, rules: ForkRules): void {
    this.#headerRules.validateHeader(header, parent, rules);
  }

  async verifySeal(): Promise<void> {
    // A development block has no seal: the single node that made it is the only producer.
  }

  rewards(): readonly BalanceCredit[] {
    return [];
  }
}
