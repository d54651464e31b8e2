import { describe, expect, it } from 'vitest';
import { sampleTransactions, TEST_KEY } from '../../test/helpers';
import { type BlobSidecar, BYTES_PER_BLOB, decodePooledBlobTransaction, encodePooledBlobTransaction } from './blob-network';
import { signTransaction } from './sign';

const sidecar = (n: number): BlobSidecar => ({
  blobs: Array.from({ length: n }, (_, i) => new Uint8Array(BYTES_PER_BLOB).fill(i + 1)),
  commitments: Array.from({ length: n }, () => new Uint8Array(48).fill(0xc0)),
  proofs: Array.from({ length: n }, () => new Uint8Array(48).fill(0xa0)),
});

describe('pooled blob transactions', () => {
  const transaction = signTransaction(sampleTransactions()[3], TEST_KEY);

  it('round-trips the network form, whose transaction hashes as the canonical one', () => {
    const bytes = encodePooledBlobTransaction({ transaction, sidecar: sidecar(1) });
    expect(bytes.length).toBeGreaterThan(BYTES_PER_BLOB);
    const pooled = decodePooledBlobTransaction(bytes);
    expect(pooled.transaction.hash()).toEqual(transaction.hash());
    expect(pooled.transaction.encode()).toEqual(transaction.encode());
    expect(pooled.sidecar).toEqual(sidecar(1));
  });

  it('refuses sidecars that do not match the versioned hashes', () => {
    expect(() => encodePooledBlobTransaction({ transaction, sidecar: sidecar(2) })).toThrow(expect.objectContaining({ code: 'BLOB_SIDECAR_MISMATCH' }));
    const short = { ...sidecar(1), proofs: [new Uint8Array(47)] };
    expect(() => encodePooledBlobTransaction({ transaction, sidecar: short })).toThrow(/proofs\[0\] is 47 bytes/);
    const legacy = signTransaction(sampleTransactions()[0], TEST_KEY);
    expect(() => encodePooledBlobTransaction({ transaction: legacy, sidecar: sidecar(1) })).toThrow(expect.objectContaining({ code: 'TYPE_NOT_SUPPORTED' }));
  });

  it('refuses malformed network forms with typed errors', () => {
    expect(() => decodePooledBlobTransaction(transaction.encode())).toThrow(expect.objectContaining({ code: 'FIELD_COUNT' }));
    expect(() => decodePooledBlobTransaction(Uint8Array.of(2, 0xc0))).toThrow(expect.objectContaining({ code: 'INVALID_ENVELOPE' }));
  });
});
