/** How the full sync downloads; the defaults follow geth's and Besu's request sizes. */
export interface SyncOptions {
  /** Headers asked of the sync target at once (geth's MaxHeaderFetch is 192). */
  readonly headersPerRequest: number;
  /** Bodies asked of one peer at once (geth's MaxBlockFetch is 128). */
  readonly bodiesPerRequest: number;
  /** How far header download may run ahead of import, in blocks: what is held in memory. */
  readonly maxBlocksAhead: number;
  /** Body requests to one peer at once. */
  readonly bodyRequestsPerPeer: number;
  /** Timeouts or empty answers after which a peer is left out of the rest of a round. */
  readonly maxStrikes: number;
  /** Pause before the next round after one failed. */
  readonly retryDelayMs: number;
  /** While idle, how often peers are asked whether they have the block after the local head. */
  readonly probeIntervalMs: number;
  /** A peer at most this many blocks ahead does not make the node report that it is syncing. */
  readonly inSyncTolerance: bigint;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  headersPerRequest: 192,
  bodiesPerRequest: 128,
  maxBlocksAhead: 1024,
  bodyRequestsPerPeer: 2,
  maxStrikes: 3,
  retryDelayMs: 1000,
  probeIntervalMs: 5000,
  inSyncTolerance: 5n,
};
