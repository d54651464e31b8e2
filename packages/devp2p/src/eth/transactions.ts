import { asBytes, asList, asUint, keccak256, type RlpInput, type RlpValue, rlpEncode } from '@cairn/common';
import { ProtocolError } from '../errors';
import { encodeListOfEncoded, encodeWithRequestId } from './rlp-raw';
import { decodeHashRequest, decodeOrBreach, encodeHashRequest, hashList, openEnvelope } from './request-envelope';

/**
 * Transactions cross this layer in their canonical binary form: a legacy transaction is its RLP
 * list, a typed one (EIP-2718) is `type || payload`. The hash is keccak-256 of that form. On the
 * wire, inside message lists, a typed transaction is wrapped as an RLP byte string.
 */

/** An announced pooled transaction (eth/68 adds type and size; eth/66-67 send hashes only). */
export interface TxAnnouncement {
  readonly hash: Uint8Array;
  readonly type?: number;
  readonly size?: number;
}

/** The binary form of a transaction taken from a message list. */
export function txFromWire(item: RlpValue): Uint8Array {
  if (Array.isArray(item)) return rlpEncode(item);
  if (item.length === 0 || item[0] > 0x7f) throw new ProtocolError('typed transaction has no valid type byte');
  return item;
}

/** The RLP item a binary transaction becomes inside a message list. */
export function txToWireEncoded(binary: Uint8Array): Uint8Array {
  return binary[0] >= 0xc0 ? binary : rlpEncode(binary);
}

export function txHash(binary: Uint8Array): Uint8Array {
  return keccak256(binary);
}

/** The announced type and size a binary transaction has (size is of the binary form, as eth/68 says). */
export function announcementOf(binary: Uint8Array): Required<TxAnnouncement> {
  return { hash: txHash(binary), type: binary[0] >= 0xc0 ? 0 : binary[0], size: binary.length };
}

export function encodeTransactions(txs: readonly Uint8Array[]): Uint8Array {
  return encodeListOfEncoded(txs.map(txToWireEncoded));
}

export function decodeTransactions(value: RlpValue): Uint8Array[] {
  return decodeOrBreach('Transactions', () => asList(value, 'Transactions').map(txFromWire));
}

/** NewPooledTransactionHashes: a hash list before eth/68, `[types, [sizes], [hashes]]` from it. */
export function encodePooledHashes(version: number, entries: readonly Required<TxAnnouncement>[]): RlpInput {
  if (version < 68) return entries.map((e) => e.hash);
  return [new Uint8Array(entries.map((e) => e.type)), entries.map((e) => BigInt(e.size)), entries.map((e) => e.hash)];
}

export function decodePooledHashes(version: number, value: RlpValue): TxAnnouncement[] {
  if (version < 68) return hashList(value, 'NewPooledTransactionHashes').map((hash) => ({ hash }));
  return decodeOrBreach('NewPooledTransactionHashes', () => {
    const [types, sizes, hashes] = asList(value, 'NewPooledTransactionHashes', 3);
    const typeBytes = asBytes(types, 'announced types');
    const sizeList = asList(sizes, 'announced sizes').map((s) => Number(asUint(s, 'announced size', 4)));
    const hashItems = hashList(hashes, 'announced hashes');
    if (typeBytes.length !== hashItems.length || sizeList.length !== hashItems.length) {
      throw new ProtocolError('NewPooledTransactionHashes has lists of different lengths');
    }
    return hashItems.map((hash, i) => ({ hash, type: typeBytes[i], size: sizeList[i] }));
  });
}

export function encodeGetPooledTransactions(requestId: bigint, hashes: readonly Uint8Array[]): RlpInput {
  return encodeHashRequest(requestId, hashes);
}

export function decodeGetPooledTransactions(value: RlpValue): { requestId: bigint; hashes: Uint8Array[] } {
  return decodeHashRequest(value, 'GetPooledTransactions');
}

export function encodePooledTransactions(requestId: bigint, txs: readonly Uint8Array[]): Uint8Array {
  return encodeWithRequestId(requestId, encodeListOfEncoded(txs.map(txToWireEncoded)));
}

export function decodePooledTransactions(value: RlpValue): { requestId: bigint; txs: Uint8Array[] } {
  const { requestId, payload } = openEnvelope(value, 'PooledTransactions');
  return decodeOrBreach('PooledTransactions', () => ({ requestId, txs: asList(payload, 'PooledTransactions list').map(txFromWire) }));
}
