import { describe, expect, it } from 'vitest';
import { GWEI, hex, makePool, transfer } from '../../test/txpool-fixtures';
import { TxPoolError } from './errors';

describe('replacement (same sender and nonce)', () => {
  it('replaces when both the fee cap and the tip cap rise by the bump (10%)', async () => {
    const { pool, events } = makePool();
    const original = transfer(0, 0n, { fee: 100n * GWEI, tip: 10n * GWEI });
    const bumped = transfer(0, 0n, { fee: 110n * GWEI, tip: 11n * GWEI });
    await pool.add(original);
    await expect(pool.add(bumped)).resolves.toEqual({ hash: bumped.hash(), state: 'pending', replaced: original.hash() });
    expect(pool.get(original.hash())).toBeUndefined();
    expect(pool.get(bumped.hash())?.state).toBe('pending');
    expect(pool.size).toBe(1);
    expect(events).toEqual([`added ${hex(original)}`, `replaced ${hex(original)}`, `added ${hex(bumped)}`]);
  });

  it('refuses a bumped fee cap with the same tip cap, and a bumped tip cap with the same fee cap', async () => {
    const { pool } = makePool();
    const original = transfer(0, 0n, { fee: 100n * GWEI, tip: 10n * GWEI });
    await pool.add(original);
    for (const [fee, tip] of [
      [200n, 10n],
      [100n, 20n],
      [110n, 10n],
      [109n, 11n],
    ]) {
      const attempt = pool.add(transfer(0, 0n, { fee: fee * GWEI, tip: tip * GWEI }));
      await expect(attempt).rejects.toBeInstanceOf(TxPoolError);
      await expect(attempt).rejects.toMatchObject({ code: 'REPLACEMENT_UNDERPRICED', rpcCode: -32000, rpcMessage: 'Replacement transaction underpriced' });
    }
    expect(pool.transactions().map((t) => t.hash)).toEqual([original.hash()]);
  });

  it('needs the bump on the gas price of legacy transactions, counted exactly (no rounding)', async () => {
    const { pool } = makePool();
    await pool.add(transfer(0, 0n, { type: 0, tip: 1_000_000_001n }));
    // 10% above 1_000_000_001 is 1_100_000_001.1: 1_100_000_001 is short of it.
    await expect(pool.add(transfer(0, 0n, { type: 0, tip: 1_100_000_001n }))).rejects.toMatchObject({ code: 'REPLACEMENT_UNDERPRICED' });
    await expect(pool.add(transfer(0, 0n, { type: 0, tip: 1_100_000_002n }))).resolves.toHaveProperty('replaced');
  });

  it('lets a fee-market transaction replace a legacy one, comparing fee and tip caps', async () => {
    const { pool } = makePool();
    await pool.add(transfer(0, 0n, { type: 0, tip: 20n * GWEI }));
    await expect(pool.add(transfer(0, 0n, { fee: 100n * GWEI, tip: 21n * GWEI }))).rejects.toMatchObject({ code: 'REPLACEMENT_UNDERPRICED' });
    await expect(pool.add(transfer(0, 0n, { fee: 100n * GWEI, tip: 22n * GWEI }))).resolves.toHaveProperty('replaced');
  });

  it('follows a configured bump, and with a zero bump still needs a rise', async () => {
    const { pool } = makePool({ priceBumpPercent: 0 });
    await pool.add(transfer(0, 0n, { fee: 100n * GWEI, tip: 10n * GWEI }));
    await expect(pool.add(transfer(0, 0n, { fee: 100n * GWEI, tip: 10n * GWEI, gasLimit: 21_001n }))).rejects.toMatchObject({
      code: 'REPLACEMENT_UNDERPRICED',
    });
    await expect(pool.add(transfer(0, 0n, { fee: 100n * GWEI + 1n, tip: 10n * GWEI + 1n }))).resolves.toHaveProperty('replaced');
  });

  it('replaces a queued transaction in place, keeping it queued', async () => {
    const { pool } = makePool();
    await pool.add(transfer(0, 2n));
    await expect(pool.add(transfer(0, 2n, { fee: 200n * GWEI, tip: 5n * GWEI }))).resolves.toMatchObject({ state: 'queued' });
    expect(pool.status()).toEqual({ pending: 0, queued: 1 });
  });

  it('replaces even when the pool is full, since the count does not change', async () => {
    const { pool } = makePool({ maxSize: 1 });
    await pool.add(transfer(0, 0n));
    await expect(pool.add(transfer(0, 0n, { fee: 200n * GWEI, tip: 5n * GWEI }))).resolves.toHaveProperty('replaced');
    expect(pool.size).toBe(1);
  });
});
