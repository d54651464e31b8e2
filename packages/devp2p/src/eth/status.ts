import { asBytes, asList, asUint, equalBytes, type RlpInput, type RlpValue } from '@cairn/common';
import { ProtocolError } from '../errors';
import { decodeForkId, encodeForkId, type ForkId, type ForkIdCheck } from '../forkid/fork-id';

/** The eth Status message (eth/64 to eth/68 form). */
export interface Status {
  readonly version: number;
  readonly networkId: bigint;
  readonly totalDifficulty: bigint;
  readonly headHash: Uint8Array;
  readonly genesisHash: Uint8Array;
  readonly forkId: ForkId;
}

export function encodeStatus(s: Status): RlpInput {
  return [BigInt(s.version), s.networkId, s.totalDifficulty, s.headHash, s.genesisHash, encodeForkId(s.forkId)];
}

/** Reads a Status; list elements past the fork id are ignored for forward compatibility. */
export function decodeStatus(value: RlpValue): Status {
  try {
    const f = asList(value, 'Status');
    if (f.length < 6) throw new ProtocolError(`Status has ${f.length} fields, expected 6`);
    return {
      version: Number(asUint(f[0], 'eth version', 4)),
      networkId: asUint(f[1], 'network id', 8),
      totalDifficulty: asUint(f[2], 'total difficulty', 32),
      headHash: asBytes(f[3], 'head hash', 32),
      genesisHash: asBytes(f[4], 'genesis hash', 32),
      forkId: decodeForkId(f[5]),
    };
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`malformed Status: ${(error as Error).message}`, { cause: error });
  }
}

/** Why a remote Status is refused, in the words Besu uses for its sub-protocol disconnects. */
export type StatusMismatch = 'version' | 'network-id' | 'genesis' | 'fork-id';

/**
 * Checks a remote Status against the local one: the negotiated version, the network id and the
 * genesis hash must match, and the fork id must pass EIP-2124 validation (`checkForkId`).
 */
export function statusMismatch(local: Status, remote: Status, checkForkId: (id: ForkId) => ForkIdCheck): StatusMismatch | undefined {
  if (remote.version !== local.version) return 'version';
  if (remote.networkId !== local.networkId) return 'network-id';
  if (!equalBytes(remote.genesisHash, local.genesisHash)) return 'genesis';
  if (!checkForkId(remote.forkId).ok) return 'fork-id';
  return undefined;
}
