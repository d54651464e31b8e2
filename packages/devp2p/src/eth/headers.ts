import { asBytes, asList, asUint, type RlpInput, type RlpValue } from '@cairn/common';
import { ProtocolError } from '../errors';
import { encodeListOfEncoded, encodeWithRequestId } from './rlp-raw';
import { decodeOrBreach, openEnvelope } from './request-envelope';

/** A GetBlockHeaders query: from a block (by hash or number), `limit` headers, `skip` between each. */
export interface HeadersQuery {
  readonly origin: Uint8Array | bigint;
  readonly limit: bigint;
  readonly skip: bigint;
  readonly reverse: boolean;
}

export function encodeGetBlockHeaders(requestId: bigint, q: HeadersQuery): RlpInput {
  return [requestId, [q.origin, q.limit, q.skip, q.reverse ? 1n : 0n]];
}

export function decodeGetBlockHeaders(value: RlpValue): { requestId: bigint; query: HeadersQuery } {
  const { requestId, payload } = openEnvelope(value, 'GetBlockHeaders');
  return decodeOrBreach('GetBlockHeaders', () => {
    const [origin, limit, skip, reverse] = asList(payload, 'GetBlockHeaders query', 4);
    const originBytes = asBytes(origin, 'origin');
    const reverseFlag = asUint(reverse, 'reverse', 1);
    if (reverseFlag > 1n) throw new ProtocolError('GetBlockHeaders reverse flag is not 0 or 1');
    return {
      requestId,
      query: {
        origin: originBytes.length === 32 ? originBytes : asUint(origin, 'origin number', 8),
        limit: asUint(limit, 'limit', 8),
        skip: asUint(skip, 'skip', 8),
        reverse: reverseFlag === 1n,
      },
    };
  });
}

/** `[request-id, [header, ...]]` from encoded headers. */
export function encodeBlockHeaders(requestId: bigint, headers: readonly Uint8Array[]): Uint8Array {
  return encodeWithRequestId(requestId, encodeListOfEncoded(headers));
}

/** The headers of a BlockHeaders answer, each still a decoded RLP list (checked to be one). */
export function decodeBlockHeaders(value: RlpValue): { requestId: bigint; headers: RlpValue[] } {
  const { requestId, payload } = openEnvelope(value, 'BlockHeaders');
  return decodeOrBreach('BlockHeaders', () => {
    const headers = asList(payload, 'BlockHeaders list');
    for (const h of headers) asList(h, 'header');
    return { requestId, headers };
  });
}

/**
 * The numbers a header query covers, for a server that walks its canonical chain: `limit`
 * numbers from the origin, `skip + 1` apart, stopping below genesis or above `maxNumber`.
 */
export function queryNumbers(originNumber: bigint, q: HeadersQuery, maxCount: number, maxNumber: bigint): bigint[] {
  const out: bigint[] = [];
  const step = q.skip + 1n;
  const count = q.limit < BigInt(maxCount) ? Number(q.limit) : maxCount;
  for (let i = 0, n = originNumber; i < count && n >= 0n && n <= maxNumber; i++, n = q.reverse ? n - step : n + step) out.push(n);
  return out;
}
