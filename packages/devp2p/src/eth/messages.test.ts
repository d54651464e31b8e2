import { hexToBytes, keccak256, type RlpValue, rlpDecode, rlpEncode } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { decodeNewBlock, decodeNewBlockHashes, encodeNewBlock, encodeNewBlockHashes } from './announcements';
import { decodeBlockBodies, decodeGetBlockBodies, encodeBlockBodies, encodeGetBlockBodies } from './bodies';
import { decodeBlockHeaders, decodeGetBlockHeaders, encodeBlockHeaders, encodeGetBlockHeaders, queryNumbers } from './headers';
import { decodeGetReceipts, decodeReceipts, encodeGetReceipts, encodeReceipts } from './receipts';
import { decodeStatus, encodeStatus, statusMismatch } from './status';
import {
  announcementOf,
  decodePooledHashes,
  decodePooledTransactions,
  decodeTransactions,
  encodePooledHashes,
  encodePooledTransactions,
  encodeTransactions,
  txFromWire,
  txToWireEncoded,
} from './transactions';

const wire = (input: Parameters<typeof rlpEncode>[0] | Uint8Array): RlpValue => rlpDecode(input instanceof Uint8Array ? input : rlpEncode(input));
const hash = (n: number) => new Uint8Array(32).fill(n);
const header = (n: bigint) => rlpEncode([hash(1), hash(2), new Uint8Array(20), hash(3), hash(4), hash(5), new Uint8Array(256), 1n, n, 2n, 3n, 4n, new Uint8Array(0), hash(6), new Uint8Array(8)]);

describe('eth messages', () => {
  it('Status round-trips and is checked field by field', () => {
    const status = { version: 68, networkId: 1n, totalDifficulty: 10n ** 22n, headHash: hash(1), genesisHash: hash(2), forkId: { hash: hexToBytes('0xfc64ec04'), next: 1150000n } };
    expect(decodeStatus(wire(encodeStatus(status)))).toEqual(status);
    const ok = () => ({ ok: true as const });
    expect(statusMismatch(status, status, ok)).toBeUndefined();
    expect(statusMismatch(status, { ...status, version: 67 }, ok)).toBe('version');
    expect(statusMismatch(status, { ...status, networkId: 2n }, ok)).toBe('network-id');
    expect(statusMismatch(status, { ...status, genesisHash: hash(9) }, ok)).toBe('genesis');
    expect(statusMismatch(status, status, () => ({ ok: false, reason: 'remote-stale' }))).toBe('fork-id');
    expect(() => decodeStatus(wire([68n, 1n]))).toThrow(/Status/);
  });

  it('GetBlockHeaders takes an origin by hash or number; the walk stops at genesis and the head', () => {
    const byNumber = { origin: 5n, limit: 3n, skip: 1n, reverse: true };
    expect(decodeGetBlockHeaders(wire(encodeGetBlockHeaders(9n, byNumber)))).toEqual({ requestId: 9n, query: byNumber });
    const byHash = { origin: hash(3), limit: 1n, skip: 0n, reverse: false };
    expect(decodeGetBlockHeaders(wire(encodeGetBlockHeaders(1n, byHash))).query).toEqual(byHash);
    expect(queryNumbers(5n, byNumber, 100, 10n)).toEqual([5n, 3n, 1n]);
    expect(queryNumbers(8n, { ...byNumber, reverse: false, limit: 10n }, 100, 10n)).toEqual([8n, 10n]);
    expect(queryNumbers(0n, { ...byNumber, reverse: false, skip: 0n, limit: 10n ** 18n }, 4, 100n)).toEqual([0n, 1n, 2n, 3n]);
    expect(() => decodeGetBlockHeaders(wire([1n, [1n, 1n, 0n, 2n]]))).toThrow(/reverse/);
    const headers = [header(1n), header(2n)];
    const decoded = decodeBlockHeaders(wire(encodeBlockHeaders(4n, headers)));
    expect(decoded.requestId).toBe(4n);
    expect(decoded.headers.map((h) => rlpEncode(h))).toEqual(headers);
    expect(() => decodeBlockHeaders(wire([1n, [new Uint8Array(3)]]))).toThrow(/header/);
  });

  it('bodies and receipts travel as encoded items; hash lists must hold 32-byte hashes', () => {
    expect(decodeGetBlockBodies(wire(encodeGetBlockBodies(2n, [hash(1), hash(2)])))).toEqual({ requestId: 2n, hashes: [hash(1), hash(2)] });
    expect(() => decodeGetBlockBodies(wire([2n, [new Uint8Array(31)]]))).toThrow(/32-byte/);
    const body = rlpEncode([[[1n, 2n]], []]);
    expect(decodeBlockBodies(wire(encodeBlockBodies(3n, [body]))).bodies.map((b) => rlpEncode(b))).toEqual([body]);
    expect(() => decodeBlockBodies(wire([3n, [[new Uint8Array(1)]]]))).toThrow(/body/);
    expect(decodeGetReceipts(wire(encodeGetReceipts(5n, [hash(4)]))).hashes).toEqual([hash(4)]);
    const receipts = rlpEncode([[1n, 21000n, new Uint8Array(256), []], new Uint8Array([2, 0xc0])]);
    expect(decodeReceipts(wire(encodeReceipts(6n, [receipts]))).receipts.map((r) => rlpEncode(r))).toEqual([receipts]);
  });

  it('NewBlock yields the block hash and number from the header; NewBlockHashes round-trips', () => {
    const h = header(77n);
    const block = rlpEncode([rlpDecode(h), [], []]);
    const decoded = decodeNewBlock(wire(encodeNewBlock(block, 123n)));
    expect(decoded).toEqual({ hash: keccak256(h), number: 77n, block, totalDifficulty: 123n });
    expect(() => decodeNewBlock(wire([[[1n], [], []], 1n]))).toThrow(/header/);
    const entries = [{ hash: hash(1), number: 1n }, { hash: hash(2), number: 2n }];
    expect(decodeNewBlockHashes(wire(encodeNewBlockHashes(entries)))).toEqual(entries);
  });

  it('keeps legacy transactions as lists and typed ones as byte strings on the wire', () => {
    const legacy = rlpEncode([1n, 2n, 3n]);
    const typed = new Uint8Array([0x02, ...rlpEncode([4n, 5n])]);
    expect(txToWireEncoded(legacy)).toEqual(legacy);
    expect(txToWireEncoded(typed)).toEqual(rlpEncode(typed));
    expect(decodeTransactions(wire(encodeTransactions([legacy, typed])))).toEqual([legacy, typed]);
    expect(() => txFromWire(new Uint8Array([0x99]))).toThrow(/type byte/);
    expect(decodePooledTransactions(wire(encodePooledTransactions(8n, [typed])))).toEqual({ requestId: 8n, txs: [typed] });
    expect(announcementOf(typed)).toEqual({ hash: keccak256(typed), type: 2, size: typed.length });
    expect(announcementOf(legacy).type).toBe(0);
  });

  it('announces pooled transactions as hashes before eth/68 and with types and sizes from it', () => {
    const entries = [announcementOf(new Uint8Array([0x01, 0xc0])), announcementOf(rlpEncode([9n]))];
    expect(decodePooledHashes(67, wire(encodePooledHashes(67, entries)))).toEqual(entries.map((e) => ({ hash: e.hash })));
    expect(decodePooledHashes(68, wire(encodePooledHashes(68, entries)))).toEqual(entries);
    expect(() => decodePooledHashes(68, wire([new Uint8Array([1]), [1n, 2n], [hash(1)]]))).toThrow(/different lengths/);
  });
});
