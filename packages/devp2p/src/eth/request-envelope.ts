import { asList, asUint, type RlpInput, type RlpValue } from '@cairn/common';
import { ProtocolError } from '../errors';

/** The two parts of an eth/66+ request or response: `[request-id, payload]`. */
export interface Envelope {
  readonly requestId: bigint;
  readonly payload: RlpValue;
}

/** Splits `[request-id, payload]`, naming `what` in the error when the shape is wrong. */
export function openEnvelope(value: RlpValue, what: string): Envelope {
  return decodeOrBreach(what, () => {
    const [id, payload] = asList(value, what, 2);
    return { requestId: asUint(id, `${what} request id`, 8), payload };
  });
}

/** Runs a decoder, turning any shape error into a `ProtocolError` that names the message. */
export function decodeOrBreach<T>(what: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`malformed ${what}: ${(error as Error).message}`, { cause: error });
  }
}

/** The items of a list payload, each checked to be a byte string of `length` (hash lists). */
export function hashList(value: RlpValue, what: string): Uint8Array[] {
  return asList(value, what).map((item) => {
    if (!(item instanceof Uint8Array) || item.length !== 32) throw new ProtocolError(`${what} holds an item that is not a 32-byte hash`);
    return item;
  });
}

/** `[request-id, [hash, ...]]`: GetBlockBodies, GetReceipts and GetPooledTransactions alike. */
export function encodeHashRequest(requestId: bigint, hashes: readonly Uint8Array[]): RlpInput {
  return [requestId, [...hashes]];
}

export function decodeHashRequest(value: RlpValue, what: string): { requestId: bigint; hashes: Uint8Array[] } {
  const { requestId, payload } = openEnvelope(value, what);
  return { requestId, hashes: hashList(payload, what) };
}
