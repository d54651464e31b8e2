import { ConfigError } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { GWEI, hex, makePool, snapshot, transfer } from '../../test/txpool-fixtures';
import { resolveTxPoolOptions, type TxPoolOptions } from './options';

/** An EIP-1559 transfer whose effective tip at the 10 gwei base fee is `tip` gwei. */
const paying = (from: number, nonce: bigint, tip: bigint) => transfer(from, nonce, { tip: tip * GWEI, fee: 100n * GWEI });

describe('size limit and eviction', () => {
  it('evicts the cheapest transaction to take a better one when full', async () => {
    const { pool, events } = makePool({ maxSize: 3 });
    const cheap = paying(1, 0n, 2n);
    await pool.add(paying(0, 0n, 5n));
    await pool.add(cheap);
    await pool.add(paying(2, 0n, 7n));
    const better = paying(3, 0n, 3n);
    await expect(pool.add(better)).resolves.toMatchObject({ state: 'pending' });
    expect(pool.size).toBe(3);
    expect(pool.get(cheap.hash())).toBeUndefined();
    expect(events.slice(-2)).toEqual([`evicted ${hex(cheap)}`, `added ${hex(better)}`]);
  });

  it('refuses a transaction cheaper than everything it could displace, changing nothing', async () => {
    const { pool, events } = makePool({ maxSize: 2 });
    await pool.add(paying(0, 0n, 5n));
    await pool.add(paying(1, 0n, 4n));
    const before = snapshot(pool);
    const eventCount = events.length;
    await expect(pool.add(paying(2, 0n, 3n))).rejects.toMatchObject({ code: 'TX_POOL_FULL', rpcMessage: 'Transaction pool is full' });
    expect(snapshot(pool)).toEqual(before);
    expect(events).toHaveLength(eventCount);
  });

  it('evicts queued (future) transactions before pending ones, however well they pay', async () => {
    const { pool } = makePool({ maxSize: 2, limitByAccountPercentage: 1 });
    const future = paying(0, 1n, 50n);
    await pool.add(future);
    await pool.add(paying(1, 0n, 2n));
    await pool.add(paying(2, 0n, 1n));
    expect(pool.get(future.hash())).toBeUndefined();
    expect(pool.status()).toEqual({ pending: 2, queued: 0 });
  });

  it('only ever evicts a sender\'s highest nonce, so no pending run gets a gap', async () => {
    const { pool } = makePool({ maxSize: 3, limitByAccountPercentage: 1 });
    const cheapest = paying(0, 0n, 1n);
    const behindIt = paying(0, 1n, 50n);
    const middle = paying(1, 0n, 5n);
    await pool.add(cheapest);
    await pool.add(behindIt);
    await pool.add(middle);
    await pool.add(paying(2, 0n, 10n));
    // Sender 0's nonce 0 pays least, but taking it would strand nonce 1; sender 1's tail goes.
    expect(pool.get(middle.hash())).toBeUndefined();
    expect(pool.contentOf(transfer(0, 0n).sender()).pending.map((t) => t.transaction.nonce)).toEqual([0n, 1n]);
  });

  it('keeps local transactions in preference to remote ones', async () => {
    const { pool } = makePool({ maxSize: 2 });
    const local = paying(0, 0n, 1n);
    const remote = paying(1, 0n, 9n);
    await pool.add(local, { local: true });
    await pool.add(remote);
    await pool.add(paying(2, 0n, 5n), { local: true });
    expect(pool.get(remote.hash())).toBeUndefined();
    expect(pool.get(local.hash())).toBeDefined();
  });

  it('ranks by the effective tip at the head base fee, so a high tip with a low fee cap is cheap', async () => {
    const { pool } = makePool({ maxSize: 2 });
    // At a 10 gwei base fee: 11 - 10 = 1 gwei effective, against 3 gwei.
    const capped = transfer(0, 0n, { tip: 9n * GWEI, fee: 11n * GWEI });
    await pool.add(capped);
    await pool.add(paying(1, 0n, 3n));
    await pool.add(paying(2, 0n, 2n));
    expect(pool.get(capped.hash())).toBeUndefined();
  });

  it('evicts the newer of two equally cheap transactions', async () => {
    const { pool } = makePool({ maxSize: 2 });
    const older = paying(0, 0n, 2n);
    const newer = paying(1, 0n, 2n);
    await pool.add(older);
    await pool.add(newer);
    await pool.add(paying(2, 0n, 3n));
    expect([pool.get(older.hash()) !== undefined, pool.get(newer.hash()) !== undefined]).toEqual([true, false]);
  });
});

describe('per-sender limit (Besu --tx-pool-limit-by-account-percentage)', () => {
  it('derives the window as ⌈fraction · maxSize⌉, at least 1', () => {
    expect(resolveTxPoolOptions().senderLimit).toBe(5);
    expect(resolveTxPoolOptions({ limitByAccountPercentage: 0.002 }).senderLimit).toBe(9);
    expect(resolveTxPoolOptions({ limitByAccountPercentage: 0.0001 }).senderLimit).toBe(1);
    expect(resolveTxPoolOptions({ maxSize: 100, limitByAccountPercentage: 1 }).senderLimit).toBe(100);
  });

  it('holds at most the window of nonces per sender, pending and queued alike', async () => {
    const { pool } = makePool({ maxSize: 1000, limitByAccountPercentage: 0.003 });
    expect(pool.options.senderLimit).toBe(3);
    await pool.add(transfer(0, 0n));
    await pool.add(transfer(0, 2n));
    await expect(pool.add(transfer(0, 3n))).rejects.toMatchObject({ code: 'NONCE_TOO_FAR_IN_FUTURE' });
    await pool.add(transfer(0, 1n));
    expect(pool.contentOf(transfer(0, 0n).sender()).pending).toHaveLength(3);
    await expect(pool.add(transfer(1, 0n))).resolves.toBeDefined();
  });

  it('refuses bad option values, listing each', () => {
    const issuesOf = (options: TxPoolOptions) => {
      try {
        resolveTxPoolOptions(options);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).issues;
      }
      return [];
    };
    expect(issuesOf({ maxSize: 0, limitByAccountPercentage: 1.5, minGasPrice: -1n, retentionHours: 0 })).toHaveLength(4);
    expect(issuesOf({ maxSize: 2.5, priceBumpPercent: -1 })).toEqual([
      'maxSize must be an integer of at least 1, got 2.5',
      'priceBumpPercent must be an integer of at least 0, got -1',
    ]);
    expect(issuesOf({ maxSize: 10 })).toEqual([]);
  });
});
