import { toChecksumAddress } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { DEV_MNEMONIC, deriveAccounts } from './dev-accounts';

describe('development accounts', () => {
  it('derives the well-known accounts of the test mnemonic', () => {
    const accounts = deriveAccounts(DEV_MNEMONIC, 10);
    expect(accounts).toHaveLength(10);
    expect(toChecksumAddress(accounts[0].address)).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect(toChecksumAddress(accounts[1].address)).toBe('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
    expect(toChecksumAddress(accounts[9].address)).toBe('0xa0Ee7A142d267C1f36714E4a8F75612F20a79720');
  });

  it('rejects a mnemonic with a bad checksum', () => {
    expect(() => deriveAccounts('test test test test test test test test test test test test', 1)).toThrow(/invalid BIP-39/);
  });
});
