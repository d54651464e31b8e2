import { Fork, MAX_INITCODE_SIZE, SECP256K1_N, SignatureError } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { rulesOf, sampleTransactions, TEST_KEY } from '../../test/helpers';
import { TransactionError } from '../errors';
import { createTransaction } from './codec';
import { signTransaction } from './sign';
import type { UnsignedTransaction } from './types';
import { transactionIntrinsicGas, validateTransaction } from './validate';

const [legacy, accessList, feeMarket, blob] = sampleTransactions();
const cancun = rulesOf(Fork.Cancun);

/** The code `validateTransaction` rejects with, or undefined when the transaction is valid. */
function rejection(unsigned: UnsignedTransaction, rules = cancun): string | undefined {
  try {
    validateTransaction(signTransaction(unsigned, TEST_KEY), rules);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return (error as TransactionError).code;
  }
}

describe('validateTransaction', () => {
  it('accepts every sample at Cancun', () => {
    for (const tx of sampleTransactions()) expect(rejection(tx)).toBeUndefined();
  });

  it('allows each type from its fork on', () => {
    expect(rejection(accessList, rulesOf(Fork.Istanbul))).toBe('TYPE_NOT_SUPPORTED');
    expect(rejection(accessList, rulesOf(Fork.Berlin))).toBeUndefined();
    expect(rejection(feeMarket, rulesOf(Fork.Berlin))).toBe('TYPE_NOT_SUPPORTED');
    expect(rejection(feeMarket, rulesOf(Fork.London))).toBeUndefined();
    expect(rejection(blob, rulesOf(Fork.Shanghai))).toBe('TYPE_NOT_SUPPORTED');
  });

  it('binds signatures to the chain', () => {
    expect(rejection(feeMarket, rulesOf(Fork.Cancun, 5n))).toBe('INVALID_CHAIN_ID');
    expect(rejection(legacy, rulesOf(Fork.Cancun, 5n))).toBe('INVALID_CHAIN_ID');
    // EIP-155 signatures are refused before Spurious Dragon, unprotected ones always accepted.
    expect(rejection(legacy, rulesOf(Fork.Homestead))).toBe('INVALID_SIGNATURE');
    expect(rejection(legacy, rulesOf(Fork.SpuriousDragon))).toBeUndefined();
    expect(rejection({ ...legacy, chainId: undefined }, rulesOf(Fork.Cancun, 5n))).toBeUndefined();
  });

  it('refuses a high s from Homestead, and signature values out of range', () => {
    const tx = signTransaction({ ...legacy, chainId: undefined }, TEST_KEY);
    const { r, s, v } = tx.signature as { r: bigint; s: bigint; v: bigint };
    const twin = createTransaction({ ...tx, signature: { r, s: SECP256K1_N - s, v: v === 27n ? 28n : 27n } });
    expect(twin.sender()).toEqual(tx.sender());
    expect(() => validateTransaction(twin, rulesOf(Fork.Frontier))).not.toThrow();
    expect(() => validateTransaction(twin, rulesOf(Fork.Homestead))).toThrow(SignatureError);
    const zeroR = createTransaction({ ...tx, signature: { r: 0n, s, v } });
    expect(() => validateTransaction(zeroR, cancun)).toThrow(SignatureError);
    expect(() => zeroR.sender()).toThrow(SignatureError);
    const badV = createTransaction({ ...tx, signature: { r, s, v: 30n } });
    expect(() => validateTransaction(badV, rulesOf(Fork.Homestead))).toThrow(SignatureError);
    expect(() => validateTransaction(badV, cancun)).toThrow(expect.objectContaining({ code: 'INVALID_CHAIN_ID' }));
  });

  it('reports a signature that no key made', () => {
    const tx = signTransaction(feeMarket, TEST_KEY);
    // r = n - 1 is in range, but is the x coordinate of no curve point here.
    const forged = createTransaction({ ...tx, signature: { ...tx.signature, r: SECP256K1_N - 1n } });
    expect(() => forged.sender()).toThrow(expect.objectContaining({ code: 'SENDER_RECOVERY_FAILED' }));
  });

  it('checks intrinsic gas with calldata, creation and access lists', () => {
    const tx = signTransaction(accessList, TEST_KEY);
    expect(transactionIntrinsicGas(tx, cancun)).toBe(21000n + 4n + 2n * 16n + 2400n + 2n * 1900n);
    expect(rejection({ ...accessList, gasLimit: 27_235n })).toBe('INTRINSIC_GAS_TOO_LOW');
    expect(rejection({ ...accessList, gasLimit: 27_236n })).toBeUndefined();
  });

  it('enforces the nonce cap, 256-bit quantities and the fee rules', () => {
    expect(rejection({ ...legacy, nonce: 2n ** 64n - 1n })).toBe('NONCE_MAX');
    expect(rejection({ ...legacy, nonce: 2n ** 64n - 2n })).toBeUndefined();
    expect(rejection({ ...legacy, value: 2n ** 256n })).toBe('VALUE_TOO_LARGE');
    expect(rejection({ ...feeMarket, maxPriorityFeePerGas: 31n })).toBe('PRIORITY_FEE_ABOVE_MAX_FEE');
    expect(rejection({ ...feeMarket, maxPriorityFeePerGas: 30n })).toBeUndefined();
    expect(rejection({ ...legacy, gasPrice: 2n ** 256n - 1n })).toBe('GAS_COST_OVERFLOW');
  });

  it('limits init code from Shanghai (EIP-3860)', () => {
    const create = { ...feeMarket, to: undefined, gasLimit: 10_000_000n, data: new Uint8Array(MAX_INITCODE_SIZE + 1) };
    expect(rejection(create, rulesOf(Fork.London))).toBeUndefined();
    expect(rejection(create)).toBe('INIT_CODE_TOO_LARGE');
    expect(rejection({ ...create, data: new Uint8Array(MAX_INITCODE_SIZE) })).toBeUndefined();
  });

  it('applies the blob rules of EIP-4844', () => {
    const hash = (version: number) => Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? version : 9));
    expect(rejection({ ...blob, blobVersionedHashes: [] })).toBe('NO_BLOBS');
    expect(rejection({ ...blob, blobVersionedHashes: Array.from({ length: 6 }, () => hash(1)) })).toBeUndefined();
    expect(rejection({ ...blob, blobVersionedHashes: Array.from({ length: 7 }, () => hash(1)) })).toBe('TOO_MANY_BLOBS');
    expect(rejection({ ...blob, blobVersionedHashes: [hash(1), hash(2)] })).toBe('INVALID_BLOB_VERSIONED_HASH');
    expect(() => signTransaction({ ...blob, to: undefined }, TEST_KEY)).toThrow(expect.objectContaining({ code: 'BLOB_TX_CREATE' }));
  });

  it('refuses to build a transaction its type cannot encode', () => {
    expect(() => signTransaction({ ...feeMarket, maxFeePerGas: undefined }, TEST_KEY)).toThrow(TransactionError);
    expect(() => signTransaction({ ...feeMarket, maxFeePerGas: undefined }, TEST_KEY)).toThrow(/needs maxFeePerGas/);
    expect(() => signTransaction({ ...legacy, nonce: 2n ** 64n }, TEST_KEY)).toThrow(expect.objectContaining({ code: 'FIELD_TOO_LONG', field: 'nonce' }));
    const tx = signTransaction(legacy, TEST_KEY);
    expect(() => createTransaction({ ...feeMarket, signature: tx.signature })).toThrow(expect.objectContaining({ code: 'MISSING_FIELD' }));
  });
});
