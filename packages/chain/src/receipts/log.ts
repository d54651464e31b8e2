import type { Address, RlpInput, RlpValue } from '@cairn/common';
import { readBytes, readFixed, readFixedList, readList } from '../rlp/fields';

/** A log entry: the emitting contract, up to four 32-byte topics and data. */
export interface Log {
  readonly address: Address;
  readonly topics: readonly Uint8Array[];
  readonly data: Uint8Array;
}

export function encodeLog(log: Log): RlpInput {
  return [log.address, log.topics, log.data];
}

/** A log from RLP `[address, [topic, …], data]`. */
export function decodeLog(value: RlpValue, field = 'log'): Log {
  const items = readList(value, field, 3);
  return { address: readFixed(items[0], `${field}.address`, 20), topics: readFixedList(items[1], `${field}.topics`, 32), data: readBytes(items[2], `${field}.data`) };
}
