import { describe, expect, it } from 'vitest';
import { create2Address, createAddress, parseAddress, privateKeyToAddress, toChecksumAddress } from './address';
import { bytesToHex, hexToBytes } from './bytes/hex';
import { ValueError } from './errors';

describe('addresses', () => {
  // The EIP-55 examples.
  const checksummed = [
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ];

  it('checksums and parses EIP-55 addresses', () => {
    for (const text of checksummed) {
      const bytes = parseAddress(text);
      expect(toChecksumAddress(bytes)).toBe(text);
      expect(parseAddress(text.toLowerCase())).toEqual(bytes);
    }
  });

  it('rejects a wrong checksum and malformed text', () => {
    expect(() => parseAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toThrow(/checksum/);
    expect(() => parseAddress('0x1234')).toThrow(ValueError);
  });

  it('derives addresses from keys and creations', () => {
    // Hardhat's first development account.
    const key = hexToBytes('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
    expect(toChecksumAddress(privateKeyToAddress(key))).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    const sender = hexToBytes('0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0');
    expect(bytesToHex(createAddress(sender, 0n))).toBe('0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d');
    expect(bytesToHex(createAddress(sender, 1n))).toBe('0x343c43a37d37dff08ae8c4a11544c718abb4fcf8');
    // EIP-1014 example 1.
    const zero20 = new Uint8Array(20);
    const codeHash = hexToBytes('0xbc36789e7a1e281436464229828f817d6612f7b477d66591ff96a9e064bcc98a'); // keccak(0x00)
    expect(bytesToHex(create2Address(zero20, new Uint8Array(32), codeHash))).toBe('0x4d1a2e2bb4f88f0250f26ffff098b0b30b26bf38');
  });
});
