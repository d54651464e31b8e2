import { bytesToHex, hexToBytes, keccak256, privateKeyToAddress, rlpDecode, rlpEncode } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { sampleTransactions, TEST_KEY, TEST_TO } from '../../test/helpers';
import { createTransaction, decodeTransaction, decodeTransactionFromBlockBody } from './codec';
import { signTransaction } from './sign';

describe('transactions', () => {
  it('signs the EIP-155 example exactly as the EIP gives it', () => {
    const tx = signTransaction(
      { type: 0, chainId: 1n, nonce: 9n, gasPrice: 20_000_000_000n, gasLimit: 21000n, to: TEST_TO, value: 10n ** 18n, data: new Uint8Array(0) },
      TEST_KEY,
    );
    expect(bytesToHex(tx.signingHash())).toBe('0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53');
    expect(bytesToHex(tx.encode())).toBe(
      '0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83',
    );
    expect(tx.signature.v).toBe(37n);
    expect(bytesToHex(tx.sender())).toBe('0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f');
  });

  it('signs legacy transactions without a chain id as before EIP-155', () => {
    const tx = signTransaction({ ...sampleTransactions()[0], chainId: undefined }, TEST_KEY);
    expect([27n, 28n]).toContain(tx.signature.v);
    expect(tx.chainId).toBeUndefined();
    expect(tx.sender()).toEqual(privateKeyToAddress(TEST_KEY));
  });

  for (const unsigned of sampleTransactions()) {
    it(`round-trips type ${unsigned.type} through both encodings, with hash and sender`, () => {
      const tx = signTransaction(unsigned, TEST_KEY);
      const bytes = tx.encode();
      expect(bytes[0] >= 0xc0).toBe(unsigned.type === 0);
      if (unsigned.type !== 0) expect(bytes[0]).toBe(unsigned.type);
      const decoded = decodeTransaction(bytes);
      expect(decoded.hash()).toEqual(keccak256(bytes));
      expect(decoded.hash()).toEqual(tx.hash());
      expect(decoded.sender()).toEqual(privateKeyToAddress(TEST_KEY));
      expect(decoded.signingHash()).toEqual(tx.signingHash());
      expect(decoded.chainId).toBe(1n);
      expect(decoded.accessList).toEqual(unsigned.accessList ?? []);
      expect(decoded.blobVersionedHashes).toEqual(unsigned.blobVersionedHashes ?? []);
      expect(decoded.feeCap).toBe(unsigned.maxFeePerGas ?? unsigned.gasPrice);
      expect(decoded.tipCap).toBe(unsigned.maxPriorityFeePerGas ?? unsigned.gasPrice);

      // In a block body a legacy transaction is a list and a typed one a byte string.
      const inBody = rlpDecode(rlpEncode([tx.encodeForBlockBody()]));
      const item = (inBody as Uint8Array[])[0];
      expect(Array.isArray(item)).toBe(unsigned.type === 0);
      const fromBody = decodeTransactionFromBlockBody(item);
      expect(fromBody.encode()).toEqual(bytes);
      expect(fromBody.hash()).toEqual(tx.hash());
    });
  }

  it('keeps the decoded bytes and computes hash and sender once', () => {
    const bytes = signTransaction(sampleTransactions()[2], TEST_KEY).encode();
    const tx = decodeTransaction(bytes);
    expect(tx.encode()).toBe(bytes);
    expect(tx.hash()).toBe(tx.hash());
    expect(tx.sender()).toBe(tx.sender());
  });

  it('creates a transaction from fields and a signature, as the wire would carry it', () => {
    const signed = signTransaction(sampleTransactions()[1], TEST_KEY);
    const again = createTransaction({ ...sampleTransactions()[1], signature: signed.signature });
    expect(again.encode()).toEqual(signed.encode());
    expect(again.isCreate).toBe(false);
    const creation = signTransaction({ ...sampleTransactions()[2], to: undefined }, TEST_KEY);
    expect(creation.isCreate).toBe(true);
    expect(decodeTransaction(creation.encode()).to).toBeUndefined();
  });

  it('ignores fields its type does not carry', () => {
    const tx = signTransaction({ ...sampleTransactions()[0], maxFeePerGas: 99n, accessList: [{ address: TEST_TO, storageKeys: [] }] }, TEST_KEY);
    expect(tx.maxFeePerGas).toBeUndefined();
    expect(tx.feeCap).toBe(20_000_000_000n);
    expect(tx.accessList).toEqual([]);
  });

  it('decodes a transaction from the fixtures with its known hash', () => {
    // TransactionTests/ttSignature/RightVRSTest: a Frontier-era legacy transaction.
    const tx = decodeTransaction(
      hexToBytes(
        '0xf85f030182520894b94f5374fce5edbc8e2a8697c15331677e6ebf0b0a801ca098ff921201554726367d2be8c804a7ff89ccf285ebc57dff8ae4c44b9c19ac4aa01887321be575c8095f789dd4c743dfe42c1820f9231f98a962b210e3ac2452a3',
      ),
    );
    expect(bytesToHex(tx.hash())).toBe('0x1cbb233404f49e96cb795d0ea74f485eca2c41a216e0ce80694cef4dd7a45b50');
    expect(bytesToHex(tx.sender())).toBe('0x58d79230fc81a042315da7d243272798e27cb40c');
  });
});
