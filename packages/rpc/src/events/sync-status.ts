import { bigintToHex, type Hex } from '@cairn/common';

/** Progress of a sync under way; the node reports null when it is not syncing. */
export interface SyncStatus {
  readonly startingBlock: bigint;
  readonly currentBlock: bigint;
  readonly highestBlock: bigint;
}

/** eth_syncing's and the `syncing` subscription's answer: the progress object, or false. */
export function formatSyncStatus(status: SyncStatus | null): false | { startingBlock: Hex; currentBlock: Hex; highestBlock: Hex } {
  if (status === null) return false;
  return {
    startingBlock: bigintToHex(status.startingBlock),
    currentBlock: bigintToHex(status.currentBlock),
    highestBlock: bigintToHex(status.highestBlock),
  };
}
