import { describe, expect, it } from 'vitest';
import { GWEI, hex, makePool, transfer } from '../../test/txpool-fixtures';
import type { Transaction } from '../transactions/transaction';
import type { BlockLimits } from './selection';
import type { TransactionPool } from './tx-pool';

const BLOCK = { baseFee: 10n * GWEI, gasLimit: 30_000_000n };

async function poolWith(...txs: Transaction[]): Promise<TransactionPool> {
  const { pool } = makePool();
  for (const tx of txs) await pool.add(tx);
  return pool;
}

const picked = (pool: TransactionPool, limits: BlockLimits) => pool.selectTransactions(limits).map((t) => hex(t.transaction));

describe('selection for a block', () => {
  it('orders by effective tip at the block base fee, not by the tip cap alone', async () => {
    const steady = transfer(0, 0n, { tip: 5n * GWEI, fee: 100n * GWEI });
    const capped = transfer(1, 0n, { tip: 10n * GWEI, fee: 13n * GWEI });
    const pool = await poolWith(steady, capped);
    // At 10 gwei: 5 against min(10, 13 - 10) = 3. At 1 gwei: 5 against 10.
    expect(picked(pool, BLOCK)).toEqual([hex(steady), hex(capped)]);
    expect(picked(pool, { ...BLOCK, baseFee: 1n * GWEI })).toEqual([hex(capped), hex(steady)]);
  });

  it('prices legacy transactions at gas price minus base fee', async () => {
    const legacy = transfer(0, 0n, { type: 0, tip: 14n * GWEI });
    const feeMarket = transfer(1, 0n, { tip: 3n * GWEI, fee: 100n * GWEI });
    const pool = await poolWith(legacy, feeMarket);
    expect(picked(pool, BLOCK)).toEqual([hex(legacy), hex(feeMarket)]);
    expect(picked(pool, { ...BLOCK, baseFee: 12n * GWEI })).toEqual([hex(feeMarket), hex(legacy)]);
    // Before London there is no base fee: the whole gas price counts.
    expect(picked(pool, { ...BLOCK, baseFee: undefined })).toEqual([hex(legacy), hex(feeMarket)]);
  });

  it('keeps each sender in nonce order while interleaving senders by price', async () => {
    const x0 = transfer(0, 0n, { tip: 1n * GWEI });
    const x1 = transfer(0, 1n, { tip: 90n * GWEI });
    const y0 = transfer(1, 0n, { tip: 50n * GWEI });
    const y1 = transfer(1, 1n, { tip: 2n * GWEI });
    const pool = await poolWith(x1, y1, x0, y0);
    expect(picked(pool, BLOCK)).toEqual([hex(y0), hex(y1), hex(x0), hex(x1)]);
  });

  it('serves equal tips first come, first served', async () => {
    const first = transfer(3, 0n);
    const second = transfer(1, 0n);
    const third = transfer(2, 0n);
    const pool = await poolWith(first, second, third);
    expect(picked(pool, BLOCK)).toEqual([hex(first), hex(second), hex(third)]);
  });

  it('skips, but keeps, transactions whose fee cap is below the base fee, with their sender\'s later nonces', async () => {
    const under = transfer(0, 0n, { fee: 20n * GWEI, tip: 20n * GWEI });
    const after = transfer(0, 1n, { fee: 100n * GWEI, tip: 50n * GWEI });
    const other = transfer(1, 0n);
    const pool = await poolWith(under, after, other);
    expect(picked(pool, { ...BLOCK, baseFee: 25n * GWEI })).toEqual([hex(other)]);
    expect(pool.size).toBe(3);
    expect(picked(pool, { ...BLOCK, baseFee: 15n * GWEI })).toEqual([hex(under), hex(after), hex(other)]);
  });

  it('leaves out queued transactions', async () => {
    const pending = transfer(0, 0n);
    const pool = await poolWith(pending, transfer(0, 2n), transfer(1, 1n));
    expect(picked(pool, BLOCK)).toEqual([hex(pending)]);
  });

  it('fills the gas limit, stopping a sender whose next transaction does not fit and going on with others', async () => {
    const big = transfer(0, 0n, { tip: 9n * GWEI, gasLimit: 60_000n });
    const big2 = transfer(0, 1n, { tip: 9n * GWEI, gasLimit: 21_000n });
    const small = transfer(1, 0n, { tip: 5n * GWEI });
    const small2 = transfer(1, 1n, { tip: 4n * GWEI });
    const pool = await poolWith(big, big2, small, small2);
    expect(picked(pool, { ...BLOCK, gasLimit: 50_000n })).toEqual([hex(small), hex(small2)]);
    expect(picked(pool, { ...BLOCK, gasLimit: 81_000n })).toEqual([hex(big), hex(big2)]);
    expect(picked(pool, { ...BLOCK, gasLimit: 100_000n })).toEqual([hex(big), hex(big2)]);
    expect(picked(pool, { ...BLOCK, gasLimit: 102_000n })).toEqual([hex(big), hex(big2), hex(small)]);
  });

  it('selects nothing from an empty pool', async () => {
    expect(picked(await poolWith(), BLOCK)).toEqual([]);
  });
});
