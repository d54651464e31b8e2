import { FORK_EIPS, FORKS, Fork, forkName } from './fork';

/** EIP-4844 blob parameters for a fork (EIP-7840's `blobSchedule` entry). */
export interface BlobParams {
  readonly target: number;
  readonly max: number;
  readonly baseFeeUpdateFraction: bigint;
}

/** Cancun's blob parameters (EIP-4844): 3 target, 6 max. */
export const CANCUN_BLOB_PARAMS: BlobParams = { target: 3, max: 6, baseFeeUpdateFraction: 3338477n };

/**
 * Everything that depends on which forks are active, for one block: the fork, its EIPs and the
 * chain id. Immutable and shared between blocks of the same fork, so tables built from it can be
 * cached by identity.
 */
export interface ForkRules {
  readonly fork: Fork;
  readonly chainId: bigint;
  readonly blobParams: BlobParams | undefined;
  /** Whether `fork` is active (this block is at or after it). */
  atLeast(fork: Fork): boolean;
  /** Whether the EIP numbered `eip` is in force. */
  has(eip: number): boolean;
  /** A short description for logs and banners, such as `Cancun (chain 1)`. */
  toString(): string;
}

/** The EIPs in force at `fork`, folded from Frontier up. */
export function eipsAt(fork: Fork): ReadonlySet<number> {
  const eips = new Set<number>();
  for (const f of FORKS) {
    if (f > fork) break;
    for (const eip of FORK_EIPS[f].add) eips.add(eip);
    for (const eip of FORK_EIPS[f].remove ?? []) eips.delete(eip);
  }
  return eips;
}

/** Builds the immutable rules object for `fork` on chain `chainId`. */
export function createForkRules(fork: Fork, chainId: bigint, blobParams?: BlobParams): ForkRules {
  const eips = eipsAt(fork);
  const blob = fork >= Fork.Cancun ? (blobParams ?? CANCUN_BLOB_PARAMS) : undefined;
  return Object.freeze({
    fork,
    chainId,
    blobParams: blob,
    atLeast: (other: Fork) => fork >= other,
    has: (eip: number) => eips.has(eip),
    toString: () => `${forkName(fork)} (chain ${chainId})`,
  });
}
