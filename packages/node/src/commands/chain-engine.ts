import { type ConsensusEngine, ProofOfStakeEngine } from '@cairn/chain';
import { type ChainConfig, ConfigError } from '@cairn/common';
import { EthashEngine } from '@cairn/consensus-ethash';

/**
 * The consensus engine a chain's genesis file names: Ethash (which also follows the chain past
 * the Merge) or proof of stake for a chain that starts merged. Engines not built yet are refused
 * with a `ConfigError` that says so.
 */
export function engineFor(config: ChainConfig): ConsensusEngine {
  switch (config.consensus.engine) {
    case 'ethash':
      return new EthashEngine(config);
    case 'pos':
      return new ProofOfStakeEngine();
    default:
      throw new ConfigError(`the ${config.consensus.engine} consensus engine is not available yet; ethash and proof-of-stake chains can be imported`);
  }
}
