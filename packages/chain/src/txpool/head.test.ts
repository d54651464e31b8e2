import { describe, expect, it } from 'vitest';
import { addressOf, ETHER, GWEI, headAt, hex, makePool, snapshot, transfer } from '../../test/txpool-fixtures';

describe('a new canonical head', () => {
  it('removes included transactions without calling them dropped, and moves the sender on', async () => {
    const { pool, accounts, events } = makePool();
    const [t0, t1, t2] = [0n, 1n, 2n].map((n) => transfer(0, n));
    for (const tx of [t0, t1, t2]) await pool.add(tx);
    accounts.set(addressOf(0), { nonce: 2n });
    await pool.onCanonicalHead({ head: headAt(2n), added: [t0, t1], removed: [] });
    expect(pool.transactions().map((t) => [hex(t.transaction), t.state])).toEqual([[hex(t2), 'pending']]);
    expect(events.filter((e) => !e.startsWith('added'))).toEqual([]);
    expect(pool.head.number).toBe(2n);
  });

  it('drops a pooled transaction whose nonce another transaction used', async () => {
    const { pool, accounts, events } = makePool();
    const pooled = transfer(0, 0n, { tip: 3n * GWEI });
    const mined = transfer(0, 0n, { tip: 1n * GWEI });
    await pool.add(pooled);
    accounts.set(addressOf(0), { nonce: 1n });
    await pool.onCanonicalHead({ head: headAt(2n), added: [mined], removed: [] });
    expect(pool.size).toBe(0);
    expect(events.at(-1)).toBe(`invalidated ${hex(pooled)}`);
  });

  it('drops what the sender can no longer pay for, demoting the later nonces behind the gap', async () => {
    const { pool, accounts, events } = makePool();
    const [t0, t1, t2] = [0n, 1n, 2n].map((n) => transfer(0, n, { value: n === 1n ? 2n * ETHER : 0n }));
    for (const tx of [t0, t1, t2]) await pool.add(tx);
    accounts.set(addressOf(0), { nonce: 1n, balance: ETHER });
    await pool.onCanonicalHead({ head: headAt(2n), added: [t0], removed: [] });
    expect(pool.transactions().map((t) => [hex(t.transaction), t.state])).toEqual([[hex(t2), 'queued']]);
    expect(events.at(-1)).toBe(`invalidated ${hex(t1)}`);
    // The gap closes again with a new nonce-1 transaction, and nonce 2 is promoted.
    await pool.add(transfer(0, 1n));
    expect(pool.status()).toEqual({ pending: 2, queued: 0 });
  });

  it('leaves senders untouched by the new blocks alone', async () => {
    const { pool, accounts } = makePool();
    await pool.add(transfer(1, 0n));
    accounts.set(addressOf(1), { balance: 0n });
    const other = transfer(0, 0n);
    await pool.onCanonicalHead({ head: headAt(2n), added: [other], removed: [] });
    expect(pool.size).toBe(1);
  });

  it('re-injects the transactions of blocks a reorg removed, except those the new branch holds', async () => {
    const { pool, accounts } = makePool();
    const a0 = transfer(0, 0n);
    const a1 = transfer(0, 1n);
    const b0 = transfer(1, 0n);
    const c0 = transfer(2, 0n);
    // The old branch included a0, a1 and b0; the new one includes only b0 and c0.
    accounts.set(addressOf(0), { nonce: 0n });
    accounts.set(addressOf(1), { nonce: 1n });
    accounts.set(addressOf(2), { nonce: 1n });
    await pool.onCanonicalHead({ head: headAt(3n), added: [b0, c0], removed: [a1, b0, a0] });
    expect(pool.transactions().map((t) => [hex(t.transaction), t.state, t.isLocal])).toEqual([
      [hex(a0), 'pending', false],
      [hex(a1), 'pending', false],
    ]);
  });

  it('after a reorg turns a sender\'s nonce back, re-injects its old transactions ahead of the pooled ones and trims its window', async () => {
    const { pool, accounts, events } = makePool({ maxSize: 1000, limitByAccountPercentage: 0.003 });
    const [a0, a1, t2, t4] = [0n, 1n, 2n, 4n].map((n) => transfer(0, n));
    accounts.set(addressOf(0), { nonce: 2n });
    await pool.add(t2);
    await pool.add(t4);
    expect(pool.status()).toEqual({ pending: 1, queued: 1 });
    accounts.set(addressOf(0), { nonce: 0n });
    await pool.onCanonicalHead({ head: headAt(2n), added: [], removed: [a0, a1] });
    expect(pool.transactions().map((t) => [hex(t.transaction), t.state])).toEqual([
      [hex(a0), 'pending'],
      [hex(a1), 'pending'],
      [hex(t2), 'pending'],
    ]);
    expect(events).toContain(`evicted ${hex(t4)}`);
  });

  it('does not re-inject a removed transaction the new state has made invalid', async () => {
    const { pool, accounts } = makePool();
    const old = transfer(0, 0n);
    accounts.set(addressOf(0), { nonce: 1n });
    await pool.onCanonicalHead({ head: headAt(3n), added: [transfer(0, 0n, { tip: 7n * GWEI })], removed: [old] });
    expect(pool.size).toBe(0);
  });

  it('admits under the new head: its gas limit and fork rules', async () => {
    const { pool } = makePool();
    await pool.onCanonicalHead({ head: { ...headAt(2n), gasLimit: 100_000n }, added: [], removed: [] });
    await expect(pool.add(transfer(0, 0n, { gasLimit: 100_001n }))).rejects.toMatchObject({ code: 'EXCEEDS_BLOCK_GAS_LIMIT' });
  });

  it('changes nothing when the state of the new head cannot be read', async () => {
    const { pool, accounts } = makePool();
    const t0 = transfer(0, 0n);
    await pool.add(t0);
    await pool.add(transfer(0, 1n));
    const before = snapshot(pool);
    accounts.unavailable = true;
    await expect(pool.onCanonicalHead({ head: headAt(2n), added: [t0], removed: [] })).rejects.toMatchObject({ code: 'WORLD_STATE_UNAVAILABLE' });
    expect(snapshot(pool)).toEqual(before);
    expect(pool.head.number).toBe(1n);
    // Later operations still run.
    accounts.unavailable = false;
    accounts.set(addressOf(0), { nonce: 1n });
    await pool.onCanonicalHead({ head: headAt(2n), added: [t0], removed: [] });
    expect(pool.size).toBe(1);
  });
});

describe('retention (--tx-pool-retention-hours)', () => {
  it('drops transactions older than the retention period, on demand and on a new head', async () => {
    const { pool, clock, events } = makePool({ retentionHours: 2 });
    const old = transfer(0, 0n);
    await pool.add(old);
    clock.now += 3_600_000;
    const recent = transfer(1, 0n);
    await pool.add(recent);
    clock.now += 3_600_000;
    expect(pool.dropExpired()).toBe(0);
    clock.now += 1;
    expect(pool.dropExpired()).toBe(1);
    expect(events.at(-1)).toBe(`expired ${hex(old)}`);
    clock.now += 3_600_000;
    await pool.onCanonicalHead({ head: headAt(2n), added: [], removed: [] });
    expect(pool.size).toBe(0);
    expect(events.at(-1)).toBe(`expired ${hex(recent)}`);
  });
});
