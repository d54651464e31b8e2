import { GAS_PER_BLOB } from '@cairn/common';
import { createMicroEthSignerKzg, kzgToVersionedHash } from '@cairn/evm';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_TO } from '../../test/helpers';
import { addressOf, GWEI, headAt, keyOf, MemoryAccounts, makePool, snapshot, transfer } from '../../test/txpool-fixtures';
import { type BlobSidecar, encodePooledBlobTransaction } from '../transactions/blob-network';
import { signTransaction } from '../transactions/sign';
import type { Transaction } from '../transactions/transaction';
import type { TxPoolOptions } from './options';
import { TransactionPool } from './tx-pool';

const kzg = createMicroEthSignerKzg();
let sidecar: BlobSidecar;

/** A blob transaction from account `from` carrying the test blob. */
function blobTransaction(from: number, nonce: bigint, fees: { fee?: bigint; tip?: bigint; blobFee?: bigint } = {}): Transaction {
  return signTransaction(
    {
      type: 3,
      chainId: 1n,
      nonce,
      maxPriorityFeePerGas: fees.tip ?? 2n * GWEI,
      maxFeePerGas: fees.fee ?? 100n * GWEI,
      maxFeePerBlobGas: fees.blobFee ?? 10n,
      gasLimit: 21_000n,
      to: TEST_TO,
      value: 0n,
      data: new Uint8Array(0),
      blobVersionedHashes: [kzgToVersionedHash(sidecar.commitments[0])],
    },
    keyOf(from),
  );
}

/** A pool that checks blobs with the real KZG backend of `@cairn/evm`. */
function blobPool(accounts = new MemoryAccounts(), options: TxPoolOptions = {}): TransactionPool {
  return new TransactionPool({ head: headAt(1n), accounts, options, blobVerifier: kzg, onListenerError: (e) => expect.fail(String(e)) });
}

beforeAll(() => {
  const blob = new Uint8Array(131072);
  for (let i = 0; i < 4096; i++) blob[i * 32 + 31] = (i * 7) % 256;
  const commitment = kzg.blobToKzgCommitment(blob);
  sidecar = { blobs: [blob], commitments: [commitment], proofs: [kzg.computeBlobKzgProof(blob, commitment)] };
});

describe('blob transactions', () => {
  it('are refused by a pool without a KZG verifier', async () => {
    const { pool } = makePool();
    const tx = blobTransaction(0, 0n);
    await expect(pool.addRaw(encodePooledBlobTransaction({ transaction: tx, sidecar }), { local: true })).rejects.toMatchObject({
      code: 'BLOB_TRANSACTIONS_NOT_ACCEPTED',
      message: 'Blob transactions are not accepted by this pool: this pool was set up without a KZG verifier',
    });
    expect(pool.size).toBe(0);
  });

  it('are accepted in the network form with a valid sidecar, which the pool keeps for block building', async () => {
    const pool = blobPool();
    const tx = blobTransaction(0, 0n);
    const result = await pool.addRaw(encodePooledBlobTransaction({ transaction: tx, sidecar }), { local: true });
    expect(result).toEqual({ hash: tx.hash(), state: 'pending' });
    expect(pool.get(tx.hash())?.sidecar).toEqual(sidecar);
    const block = { baseFee: 10n * GWEI, gasLimit: 30_000_000n };
    expect(pool.selectTransactions(block)).toEqual([]);
    expect(pool.selectTransactions({ ...block, blobGasLimit: GAS_PER_BLOB - 1n })).toEqual([]);
    expect(pool.selectTransactions({ ...block, blobGasLimit: GAS_PER_BLOB, blobBaseFee: 11n })).toEqual([]);
    expect(pool.selectTransactions({ ...block, blobGasLimit: GAS_PER_BLOB, blobBaseFee: 10n }).map((t) => t.sidecar)).toEqual([sidecar]);
  });

  it('are refused without their sidecar, or with a commitment that is not the versioned hash\'s', async () => {
    const pool = blobPool();
    const tx = blobTransaction(0, 0n);
    await expect(pool.addRaw(tx.encode(), { local: true })).rejects.toMatchObject({ code: 'INVALID_BLOBS', rpcMessage: 'blobs failed kzg validation' });
    const swapped = { ...sidecar, commitments: [sidecar.proofs[0]] };
    await expect(pool.add(tx, { local: true, sidecar: swapped })).rejects.toMatchObject({ code: 'INVALID_BLOBS', detail: 'commitment 0 does not hash to versioned hash 0' });
    await expect(pool.add(tx, { local: true, sidecar: { ...sidecar, proofs: [] } })).rejects.toMatchObject({ code: 'INVALID_BLOBS' });
    expect(pool.size).toBe(0);
  });

  it('are refused when the proof does not verify', async () => {
    const pool = blobPool();
    const forged = { ...sidecar, proofs: [sidecar.commitments[0]] };
    await expect(pool.add(blobTransaction(0, 0n), { local: false, sidecar: forged })).rejects.toMatchObject({
      code: 'INVALID_BLOBS',
      detail: 'the proof of blob 0 does not verify against its commitment',
    });
  });

  it('count the blob fee in the upfront cost, and need a 100% blob fee bump to be replaced', async () => {
    const accounts = new MemoryAccounts();
    const gasCost = 21_000n * 100n * GWEI;
    accounts.set(addressOf(0), { balance: gasCost + GAS_PER_BLOB * 10n - 1n });
    const pool = blobPool(accounts);
    await expect(pool.add(blobTransaction(0, 0n), { local: true, sidecar })).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    accounts.set(addressOf(0), { balance: 10n ** 18n });
    await pool.add(blobTransaction(0, 0n), { local: true, sidecar });
    const fees = { fee: 110n * GWEI, tip: 3n * GWEI };
    await expect(pool.add(blobTransaction(0, 0n, { ...fees, blobFee: 19n }), { local: true, sidecar })).rejects.toMatchObject({
      code: 'REPLACEMENT_UNDERPRICED',
    });
    await expect(pool.add(blobTransaction(0, 0n, { ...fees, blobFee: 20n }), { local: true, sidecar })).resolves.toHaveProperty('replaced');
  });

  it('are not re-injected after a reorg, since their sidecars are gone', async () => {
    const pool = blobPool();
    await pool.onCanonicalHead({ head: headAt(2n), added: [], removed: [blobTransaction(0, 0n)] });
    expect(pool.size).toBe(0);
  });

  it('are held up to their own limit, evicting the cheapest blob transaction for a better one', async () => {
    const pool = blobPool(new MemoryAccounts(), { maxBlobTransactions: 1 });
    const cheap = blobTransaction(0, 0n, { tip: 1n * GWEI });
    await pool.add(cheap, { local: false, sidecar });
    const better = blobTransaction(1, 0n, { tip: 5n * GWEI });
    await pool.add(better, { local: false, sidecar });
    expect(pool.get(cheap.hash())).toBeUndefined();
    await expect(pool.add(blobTransaction(2, 0n, { tip: 3n * GWEI }), { local: false, sidecar })).rejects.toMatchObject({
      code: 'TX_POOL_FULL',
      detail: 'the pool holds 1 blob transactions, none of which this one outranks',
    });
    await expect(pool.add(transfer(2, 0n, { tip: GWEI }))).resolves.toMatchObject({ state: 'pending' });
  });

  it('put a replaced transaction back when its blob replacement cannot stay', async () => {
    const pool = blobPool(new MemoryAccounts(), { maxBlobTransactions: 1 });
    await pool.add(blobTransaction(1, 0n, { tip: 50n * GWEI }), { local: false, sidecar });
    await pool.add(transfer(0, 0n, { tip: 1n * GWEI }));
    const before = snapshot(pool);
    const replacement = blobTransaction(0, 0n, { tip: 2n * GWEI, fee: 200n * GWEI });
    await expect(pool.add(replacement, { local: false, sidecar })).rejects.toMatchObject({ code: 'TX_POOL_FULL' });
    expect(snapshot(pool)).toEqual(before);
    expect(pool.status()).toEqual({ pending: 2, queued: 0 });
  });
});
