import { BlockError, type BalanceCredit, type Block, type BlockHeader, type ConsensusEngine, daoForkBlock, validateHeader } from '@cairn/chain';
import { type ChainConfig, bytesToHex, type ForkRules, keccak256, rlpEncode } from '@cairn/common';
import { Ethash } from './ethash';
import { blockRewards } from './rewards';

/** The header fields a seal does not cover: the mix hash (13) and the nonce (14). */
const SEAL_FIELDS = 2;
const SEALED_FIELD_COUNT = 15;

/** keccak-256 of the header's RLP without `mixHash` and `nonce`: what the proof of work is for. */
export function sealHash(header: BlockHeader): Uint8Array {
  const items = header.toRlp();
  const unsealed = [...items.slice(0, SEALED_FIELD_COUNT - SEAL_FIELDS), ...items.slice(SEALED_FIELD_COUNT)];
  return keccak256(rlpEncode(unsealed));
}

/**
 * Ethash proof of work as a `ConsensusEngine`: the header rules of `@cairn/chain` with the
 * Ethash difficulty (or the genesis file's fixed difficulty) and the DAO fork's extra data, the
 * seal verified the light way (the epoch cache, never the DAG), and the block and ommer rewards of
 * each fork. Past the Merge the same engine follows proof-of-stake rules: no seal, no rewards.
 */
export class EthashEngine implements ConsensusEngine {
  readonly name = 'ethash';
  readonly #daoForkBlock: bigint | undefined;
  readonly #fixedDifficulty: bigint | undefined;

  constructor(
    config: ChainConfig,
    private readonly ethash: Ethash = new Ethash(),
  ) {
    this.#daoForkBlock = daoForkBlock(config);
    this.#fixedDifficulty = config.consensus.engine === 'ethash' ? config.consensus.fixedDifficulty : undefined;
  }

  validateHeader(header: BlockHeader, parent: BlockHeader, rules: ForkRules): void {
    const fixed = this.#fixedDifficulty;
    validateHeader(header, parent, rules, { daoForkBlock: this.#daoForkBlock, expectedDifficulty: fixed === undefined ? undefined : () => fixed });
  }

  async verifySeal(header: BlockHeader, rules: ForkRules): Promise<void> {
    if (rules.has(3675)) return;
    const check = await this.ethash.verifySeal({ sealHash: sealHash(header), nonce: header.nonce, mixHash: header.mixHash, number: header.number, difficulty: header.difficulty });
    if (!check.valid) throw new BlockError('INVALID_SEAL', `block ${header.number} ${bytesToHex(header.hash())}: ${check.code}: ${check.reason}`, check.code === 'MIX_DIGEST_MISMATCH' ? 'mixHash' : 'nonce');
  }

  rewards(block: Block, rules: ForkRules): readonly BalanceCredit[] {
    return blockRewards({ fork: rules.fork, number: block.header.number, coinbase: block.header.coinbase, uncles: block.ommers });
  }
}
