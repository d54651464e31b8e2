import { asList, type RlpInput, type RlpValue } from '@cairn/common';
import { encodeListOfEncoded, encodeWithRequestId } from './rlp-raw';
import { decodeHashRequest, decodeOrBreach, encodeHashRequest, openEnvelope } from './request-envelope';

export function encodeGetBlockBodies(requestId: bigint, hashes: readonly Uint8Array[]): RlpInput {
  return encodeHashRequest(requestId, hashes);
}

export function decodeGetBlockBodies(value: RlpValue): { requestId: bigint; hashes: Uint8Array[] } {
  return decodeHashRequest(value, 'GetBlockBodies');
}

/** `[request-id, [body, ...]]` from encoded bodies (`[transactions, ommers, withdrawals?]`). */
export function encodeBlockBodies(requestId: bigint, bodies: readonly Uint8Array[]): Uint8Array {
  return encodeWithRequestId(requestId, encodeListOfEncoded(bodies));
}

/** The bodies of a BlockBodies answer; each must be a list of at least transactions and ommers. */
export function decodeBlockBodies(value: RlpValue): { requestId: bigint; bodies: RlpValue[] } {
  const { requestId, payload } = openEnvelope(value, 'BlockBodies');
  return decodeOrBreach('BlockBodies', () => {
    const bodies = asList(payload, 'BlockBodies list');
    for (const body of bodies) {
      const fields = asList(body, 'block body');
      if (fields.length < 2) throw new Error('block body has fewer than 2 fields');
      asList(fields[0], 'body transactions');
      asList(fields[1], 'body ommers');
    }
    return { requestId, bodies };
  });
}
