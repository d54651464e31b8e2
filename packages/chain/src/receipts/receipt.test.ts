import { bigintToFixedBytes, hexToBytes, rlpDecode, rlpEncode } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { BERLIN_ONE_LOG } from '../../test/vectors';
import { decodeBlock } from '../block/block';
import { receiptsRoot } from '../block/roots';
import { addToBloom, BLOOM_BYTES, bloomMightContain, logsBloom, mergeBloom } from './bloom';
import { decodeReceipt, decodeReceiptFromRlp, encodeReceipt, type Receipt, receiptToRlp } from './receipt';

describe('logs, blooms and receipts', () => {
  const block = decodeBlock(hexToBytes(BERLIN_ONE_LOG.block));
  // The called code logs once, with the block's difficulty as its topic and no data.
  const log = { address: block.transactions[0].to!, topics: [bigintToFixedBytes(block.header.difficulty, 32)], data: new Uint8Array(0) };
  const receipt: Receipt = { type: 0, status: 1, cumulativeGasUsed: block.header.gasUsed, logsBloom: logsBloom([log]), logs: [log] };

  it('gives the bloom and receipts root the fixture block commits to', async () => {
    expect(receipt.logsBloom).toEqual(block.header.logsBloom);
    expect(await receiptsRoot([receipt])).toEqual(block.header.receiptsRoot);
  });

  it('answers bloom queries without false negatives', () => {
    expect(bloomMightContain(receipt.logsBloom, log.address)).toBe(true);
    expect(bloomMightContain(receipt.logsBloom, log.topics[0])).toBe(true);
    expect(bloomMightContain(new Uint8Array(BLOOM_BYTES), log.address)).toBe(false);
    const union = new Uint8Array(BLOOM_BYTES);
    addToBloom(union, Uint8Array.of(1, 2, 3));
    mergeBloom(union, receipt.logsBloom);
    expect(bloomMightContain(union, Uint8Array.of(1, 2, 3))).toBe(true);
    expect(bloomMightContain(union, log.address)).toBe(true);
  });

  it('round-trips legacy, typed and pre-Byzantium receipts in both forms', () => {
    const variants: Receipt[] = [receipt, { ...receipt, type: 2, status: 0 }, { ...receipt, type: 0, status: undefined, stateRoot: new Uint8Array(32).fill(5) }];
    for (const r of variants) {
      const bytes = encodeReceipt(r);
      expect(bytes[0] >= 0xc0).toBe(r.type === 0);
      expect(decodeReceipt(bytes)).toEqual(r);
      const item = rlpDecode(rlpEncode([receiptToRlp(r)])) as never[];
      expect(decodeReceiptFromRlp(item[0])).toEqual(r);
    }
  });

  it('refuses malformed receipts with typed errors', () => {
    expect(() => decodeReceipt(new Uint8Array(0))).toThrow(expect.objectContaining({ code: 'INVALID_ENVELOPE' }));
    expect(() => decodeReceipt(Uint8Array.of(0x80))).toThrow(expect.objectContaining({ code: 'INVALID_ENVELOPE' }));
    expect(() => decodeReceipt(rlpEncode([2n, 1n, new Uint8Array(256), []]))).toThrow(expect.objectContaining({ code: 'FIELD_TOO_LONG', field: 'status' }));
    expect(() => decodeReceipt(rlpEncode([1n, 1n, new Uint8Array(255), []]))).toThrow(expect.objectContaining({ code: 'FIELD_TOO_SHORT', field: 'logsBloom' }));
    expect(() => decodeReceipt(rlpEncode([1n, 1n, new Uint8Array(256), [[new Uint8Array(20), [], new Uint8Array(0), 1n]]]))).toThrow(
      expect.objectContaining({ code: 'FIELD_COUNT', field: 'logs[0]' }),
    );
    expect(() => decodeReceiptFromRlp(rlpEncode([1n]))).toThrow(expect.objectContaining({ code: 'INVALID_ENVELOPE' }));
    expect(() => encodeReceipt({ ...receipt, status: undefined })).toThrow(expect.objectContaining({ code: 'INVALID_VALUE' }));
  });
});
