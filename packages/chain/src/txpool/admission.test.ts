import { Fork, SECP256K1_N } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { addressOf, ETHER, GWEI, hex, headAt, keyOf, MemoryAccounts, makePool, snapshot, transfer } from '../../test/txpool-fixtures';
import { createTransaction } from '../transactions/codec';
import { signTransaction } from '../transactions/sign';
import type { Transaction } from '../transactions/transaction';
import { TxPoolError, type TxPoolErrorCode } from './errors';
import type { TransactionPool } from './tx-pool';

/** Adds `tx` expecting a refusal with `code`; checks the error carries Besu's answer and the pool is unchanged. */
async function expectRefusal(pool: TransactionPool, tx: Transaction, code: TxPoolErrorCode, rpc: [number, string], local = false): Promise<TxPoolError> {
  const before = snapshot(pool);
  const error = await pool.add(tx, { local }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TxPoolError);
  const refusal = error as TxPoolError;
  expect(refusal.code).toBe(code);
  expect([refusal.rpcCode, refusal.rpcMessage]).toEqual(rpc);
  expect(refusal.message.startsWith(rpc[1])).toBe(true);
  expect(snapshot(pool)).toEqual(before);
  return refusal;
}

describe('admission', () => {
  it('accepts a valid transaction as pending and announces it', async () => {
    const { pool, events } = makePool();
    const tx = transfer(0, 0n);
    await expect(pool.add(tx, { local: true })).resolves.toEqual({ hash: tx.hash(), state: 'pending' });
    expect(pool.get(tx.hash())).toMatchObject({ state: 'pending', isLocal: true, addedAt: 1_700_000_000_000, sender: addressOf(0) });
    expect(events).toEqual([`added ${hex(tx)}`]);
  });

  it('refuses a transaction it already holds', async () => {
    const { pool } = makePool();
    const tx = transfer(0, 0n);
    await pool.add(tx);
    await expectRefusal(pool, tx, 'ALREADY_KNOWN', [-32000, 'Known transaction']);
  });

  it('refuses a nonce below the account nonce', async () => {
    const { pool, accounts } = makePool();
    accounts.set(addressOf(0), { nonce: 3n });
    const refusal = await expectRefusal(pool, transfer(0, 2n), 'NONCE_TOO_LOW', [-32001, 'Nonce too low']);
    expect(refusal.detail).toBe('nonce 2 is below the account nonce 3');
    await expect(pool.add(transfer(0, 3n))).resolves.toMatchObject({ state: 'pending' });
  });

  it('refuses a sender that cannot pay gasLimit · maxFee + value, and accepts one with exactly that', async () => {
    const { pool, accounts } = makePool();
    const cost = 21_000n * 100n * GWEI + ETHER;
    accounts.set(addressOf(0), { balance: cost - 1n });
    accounts.set(addressOf(1), { balance: cost });
    await expectRefusal(pool, transfer(0, 0n, { value: ETHER }), 'INSUFFICIENT_FUNDS', [-32004, 'Upfront cost exceeds account balance']);
    await expect(pool.add(transfer(1, 0n, { value: ETHER }))).resolves.toMatchObject({ state: 'pending' });
  });

  it('refuses a gas limit below the intrinsic gas', async () => {
    const { pool } = makePool();
    await expectRefusal(pool, transfer(0, 0n, { gasLimit: 20_999n }), 'INTRINSIC_GAS_EXCEEDS_LIMIT', [-32003, 'Intrinsic gas exceeds gas limit']);
  });

  it('refuses a gas limit above the block gas limit', async () => {
    const { pool } = makePool();
    await expectRefusal(pool, transfer(0, 0n, { gasLimit: 30_000_001n }), 'EXCEEDS_BLOCK_GAS_LIMIT', [-32005, 'Transaction gas limit exceeds block gas limit']);
    await expect(pool.add(transfer(0, 0n, { gasLimit: 30_000_000n }))).resolves.toBeDefined();
  });

  it('refuses a gas price below the configured minimum, for legacy and fee-market transactions', async () => {
    const { pool } = makePool({ minGasPrice: 5n * GWEI });
    const expected: [number, string] = [-32009, 'Gas price below configured minimum gas price'];
    await expectRefusal(pool, transfer(0, 0n, { type: 0, tip: 5n * GWEI - 1n }), 'GAS_PRICE_TOO_LOW', expected);
    await expectRefusal(pool, transfer(0, 0n, { fee: 5n * GWEI - 1n, tip: 1n }), 'GAS_PRICE_TOO_LOW', expected);
    await expect(pool.add(transfer(0, 0n, { type: 0, tip: 5n * GWEI }))).resolves.toBeDefined();
  });

  it('refuses a local transaction priced above the fee cap, but not a remote one', async () => {
    const { pool } = makePool({ txFeeCap: 50n * GWEI });
    const tx = transfer(0, 0n, { fee: 51n * GWEI });
    await expectRefusal(pool, tx, 'TX_FEE_CAP_EXCEEDED', [-32000, 'Transaction fee cap exceeded'], true);
    await expect(pool.add(tx, { local: false })).resolves.toBeDefined();
  });

  it('refuses a signature for another chain', async () => {
    const { pool } = makePool();
    await expectRefusal(pool, transfer(0, 0n, { chainId: 5n }), 'INVALID_CHAIN_ID', [-32000, 'Wrong chainId']);
    await expectRefusal(pool, transfer(0, 0n, { type: 0, chainId: 5n }), 'INVALID_CHAIN_ID', [-32000, 'Wrong chainId']);
  });

  it('refuses a high-s signature and one no key made', async () => {
    const { pool } = makePool();
    const good = transfer(0, 0n);
    const sig = good.signature as { r: bigint; s: bigint; yParity: number };
    const highS = createTransaction({ ...good, signature: { ...sig, s: SECP256K1_N - sig.s, yParity: 1 - sig.yParity } });
    await expectRefusal(pool, highS, 'INVALID_SIGNATURE', [-32002, 'Invalid signature']);
    // r = 5 is the x of no curve point, so no public key recovers.
    const noKey = createTransaction({ ...good, signature: { ...sig, r: 5n } });
    await expectRefusal(pool, noKey, 'INVALID_SIGNATURE', [-32002, 'Invalid signature']);
  });

  it('refuses a type the next block cannot hold', async () => {
    const { pool } = makePool({}, new MemoryAccounts(), headAt(1n, undefined, Fork.Berlin));
    await expectRefusal(pool, transfer(0, 0n), 'INVALID_TRANSACTION_TYPE', [-32602, 'Invalid transaction type']);
    await expect(pool.add(transfer(0, 0n, { type: 1 }))).resolves.toBeDefined();
  });

  it('refuses a priority fee above the fee cap', async () => {
    const { pool } = makePool();
    await expectRefusal(pool, transfer(0, 0n, { tip: 11n * GWEI, fee: 10n * GWEI }), 'PRIORITY_FEE_ABOVE_MAX_FEE', [
      -32000,
      'Max priority fee per gas exceeds max fee per gas',
    ]);
  });

  it('refuses other rule breaks as invalid transactions, with the rule in the message', async () => {
    const { pool } = makePool();
    const oversized = signTransaction(
      { type: 2, chainId: 1n, nonce: 0n, maxPriorityFeePerGas: GWEI, maxFeePerGas: 100n * GWEI, gasLimit: 10_000_000n, value: 0n, data: new Uint8Array(49153) },
      keyOf(0),
    );
    const refusal = await expectRefusal(pool, oversized, 'INVALID_TRANSACTION', [-32000, 'Invalid transaction']);
    expect(refusal.detail).toMatch(/EIP-3860/);
  });

  it('limits how far past its account nonce a sender may reach (Besu: ⌈0.001 · maxSize⌉ = 5 by default)', async () => {
    const { pool, accounts } = makePool();
    expect(pool.options.senderLimit).toBe(5);
    accounts.set(addressOf(0), { nonce: 10n });
    await expectRefusal(pool, transfer(0, 15n), 'NONCE_TOO_FAR_IN_FUTURE', [-32000, 'Transaction nonce is too distant from current sender nonce']);
    await expect(pool.add(transfer(0, 14n))).resolves.toMatchObject({ state: 'queued' });
  });

  it('keeps a transaction whose fee cap is below the next base fee (Besu admits it), and says it is pending', async () => {
    const { pool } = makePool({}, new MemoryAccounts(), headAt(1n, 50n * GWEI));
    const tx = transfer(0, 0n, { fee: 20n * GWEI });
    await expect(pool.add(tx)).resolves.toMatchObject({ state: 'pending' });
    expect(pool.selectTransactions({ baseFee: 50n * GWEI, gasLimit: 30_000_000n })).toEqual([]);
    expect(pool.selectTransactions({ baseFee: 20n * GWEI, gasLimit: 30_000_000n }).map((t) => t.hash)).toEqual([tx.hash()]);
  });

  it('refuses while the head state cannot be read, and changes nothing', async () => {
    const { pool, accounts } = makePool();
    await pool.add(transfer(1, 0n));
    accounts.unavailable = true;
    await expectRefusal(pool, transfer(0, 0n), 'WORLD_STATE_UNAVAILABLE', [-32008, 'Initial sync is still in progress']);
    await expect(pool.nextNonce(addressOf(1))).rejects.toMatchObject({ code: 'WORLD_STATE_UNAVAILABLE' });
  });

  it('takes contract creations, with the creation intrinsic gas', async () => {
    const { pool } = makePool();
    const unsigned = { type: 2, chainId: 1n, nonce: 0n, maxPriorityFeePerGas: GWEI, maxFeePerGas: 100n * GWEI, value: 0n, data: Uint8Array.of(0) };
    await expectRefusal(pool, signTransaction({ ...unsigned, gasLimit: 53_000n }, keyOf(0)), 'INTRINSIC_GAS_EXCEEDS_LIMIT', [
      -32003,
      'Intrinsic gas exceeds gas limit',
    ]);
    await expect(pool.add(signTransaction({ ...unsigned, gasLimit: 60_000n }, keyOf(0)))).resolves.toBeDefined();
  });
});
