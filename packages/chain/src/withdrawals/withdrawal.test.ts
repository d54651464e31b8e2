import { rlpDecode, rlpEncode } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { decodeWithdrawal, encodeWithdrawal } from './withdrawal';

describe('withdrawals', () => {
  const withdrawal = { index: 7n, validatorIndex: 123n, address: new Uint8Array(20).fill(0xaa), amount: 32_000_000_000n };

  it('round-trips', () => {
    expect(decodeWithdrawal(rlpDecode(rlpEncode(encodeWithdrawal(withdrawal))))).toEqual(withdrawal);
  });

  it('refuses malformed withdrawals with the field named', () => {
    expect(() => decodeWithdrawal(rlpDecode(rlpEncode([1n, 2n, new Uint8Array(19), 3n])))).toThrow(expect.objectContaining({ field: 'withdrawal.address' }));
    expect(() => decodeWithdrawal(rlpDecode(rlpEncode([2n ** 64n, 2n, new Uint8Array(20), 3n])))).toThrow(expect.objectContaining({ code: 'FIELD_TOO_LONG', field: 'withdrawal.index' }));
    expect(() => decodeWithdrawal(rlpDecode(rlpEncode([1n, 2n, new Uint8Array(20)])))).toThrow(expect.objectContaining({ code: 'FIELD_COUNT' }));
  });
});
