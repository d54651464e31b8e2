/**
 * Which consensus engine a chain uses, with that engine's settings, as read from the genesis
 * file. The engines themselves live in the `consensus-*` packages; this is only their data.
 */
export type ConsensusConfig =
  | { readonly engine: 'ethash'; readonly fixedDifficulty?: bigint }
  | { readonly engine: 'clique'; readonly blockPeriodSeconds: number; readonly epochLength: bigint; readonly createEmptyBlocks: boolean }
  | {
      readonly engine: 'ibft2' | 'qbft';
      readonly blockPeriodSeconds: number;
      readonly epochLength: bigint;
      readonly requestTimeoutSeconds: number;
      readonly blockReward?: bigint;
      readonly miningBeneficiary?: Uint8Array;
      readonly validatorContractAddress?: Uint8Array;
    }
  /** The single-node development engine: blocks sealed on demand. */
  | { readonly engine: 'dev'; readonly blockPeriodSeconds: number }
  /** Proof of stake after the Merge: blocks come from a consensus client. */
  | { readonly engine: 'pos' };
