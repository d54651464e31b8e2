import { type Blockchain, type ConsensusEngine, ProofOfStakeEngine } from '@cairn/chain';
import { type ChainConfig, ConfigError } from '@cairn/common';
import { EthashEngine } from '@cairn/consensus-ethash';
import { DevSealingEngine } from '../dev/dev-sealing-engine';
import { type ChainFinality, NO_FINALITY } from '../rpc-backends/chain-reader';

/**
 * The consensus engine a chain's genesis file names: Ethash (which also follows the chain past
 * the Merge), proof of stake for a chain that starts merged, or the development engine. Engines
 * not built yet are refused with a `ConfigError` that says so.
 */
export function engineFor(config: ChainConfig): ConsensusEngine {
  switch (config.consensus.engine) {
    case 'ethash':
      return new EthashEngine(config);
    case 'pos':
      return new ProofOfStakeEngine();
    case 'dev':
      return new DevSealingEngine();
    default:
      throw new ConfigError(`the ${config.consensus.engine} consensus engine is not available yet; ethash, proof-of-stake and dev chains can be run`);
  }
}

/**
 * Which blocks count as safe and finalized. On the development chain one node seals every block
 * and never reorganises, so its head is final (as Hardhat and Anvil answer); the other engines
 * have no finality of their own here (proof of stake's comes from a consensus client).
 */
export function finalityOf(engine: ConsensusEngine, chain: Blockchain): ChainFinality {
  if (engine.name !== 'dev') return NO_FINALITY;
  return { safe: () => chain.head.header, finalized: () => chain.head.header };
}
