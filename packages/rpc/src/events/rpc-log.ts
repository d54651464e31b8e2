import { bigintToHex, bytesToHex, equalBytes, type Hex } from '@cairn/common';
import type { LogCriteria } from '../schemas/filter';

/**
 * A log with its place in the chain, as the RPC layer reports it. `removed` is true when a reorg
 * took the log's block out of the canonical chain.
 */
export interface RpcLog {
  readonly address: Uint8Array;
  readonly topics: readonly Uint8Array[];
  readonly data: Uint8Array;
  readonly blockNumber: bigint;
  readonly blockHash: Uint8Array;
  readonly transactionHash: Uint8Array;
  readonly transactionIndex: bigint;
  readonly logIndex: bigint;
  readonly removed: boolean;
}

/** A new canonical head, as the block filter needs it (a chain `BlockHeader` is one). */
export interface HeadEvent {
  hash(): Uint8Array;
  readonly number: bigint;
}

/**
 * Whether a log passes an address and topic filter: any listed address (none listed: any), and
 * per topic position null (anything) or one of the listed topics; a log with fewer topics than
 * the filter has positions never matches, as in geth and Besu.
 */
export function matchesCriteria(log: RpcLog, criteria: LogCriteria): boolean {
  if (criteria.addresses.length > 0 && !criteria.addresses.some((a) => equalBytes(a, log.address))) return false;
  if (criteria.topics.length > log.topics.length) return false;
  return criteria.topics.every((position, i) => position === null || position.some((t) => equalBytes(t, log.topics[i])));
}

export interface FormattedLog {
  readonly address: Hex;
  readonly topics: Hex[];
  readonly data: Hex;
  readonly blockNumber: Hex;
  readonly blockHash: Hex;
  readonly transactionHash: Hex;
  readonly transactionIndex: Hex;
  readonly logIndex: Hex;
  readonly removed: boolean;
}

/** A log in the JSON shape of eth_getLogs, filter changes and the `logs` subscription. */
export function formatLog(log: RpcLog): FormattedLog {
  return {
    address: bytesToHex(log.address),
    topics: log.topics.map(bytesToHex),
    data: bytesToHex(log.data),
    blockNumber: bigintToHex(log.blockNumber),
    blockHash: bytesToHex(log.blockHash),
    transactionHash: bytesToHex(log.transactionHash),
    transactionIndex: bigintToHex(log.transactionIndex),
    logIndex: bigintToHex(log.logIndex),
    removed: log.removed,
  };
}
