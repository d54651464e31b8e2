import { describe, expect, it } from 'vitest';
import { addressOf, GWEI, makePool, transfer } from '../../test/txpool-fixtures';

const nonces = (list: readonly { transaction: { nonce: bigint } }[]) => list.map((t) => t.transaction.nonce);

describe('pending and queued transactions', () => {
  it('queues a transaction behind a nonce gap and promotes it when the gap closes', async () => {
    const { pool } = makePool();
    await expect(pool.add(transfer(0, 0n))).resolves.toMatchObject({ state: 'pending' });
    await expect(pool.add(transfer(0, 2n))).resolves.toMatchObject({ state: 'queued' });
    await expect(pool.add(transfer(0, 3n))).resolves.toMatchObject({ state: 'queued' });
    expect(pool.status()).toEqual({ pending: 1, queued: 2 });
    const before = pool.contentOf(addressOf(0));
    expect([nonces(before.pending), nonces(before.queued)]).toEqual([[0n], [2n, 3n]]);

    await expect(pool.add(transfer(0, 1n))).resolves.toMatchObject({ state: 'pending' });
    expect(pool.status()).toEqual({ pending: 4, queued: 0 });
    expect(nonces(pool.contentOf(addressOf(0)).pending)).toEqual([0n, 1n, 2n, 3n]);
    expect(pool.transactions().every((t) => t.state === 'pending')).toBe(true);
  });

  it('counts pending from the account nonce, not from zero', async () => {
    const { pool, accounts } = makePool();
    accounts.set(addressOf(0), { nonce: 5n });
    await expect(pool.add(transfer(0, 6n))).resolves.toMatchObject({ state: 'queued' });
    await expect(pool.add(transfer(0, 5n))).resolves.toMatchObject({ state: 'pending' });
    expect(pool.get(transfer(0, 6n).hash())?.state).toBe('pending');
  });

  it('gives the next nonce after the executable run (eth_getTransactionCount at pending)', async () => {
    const { pool, accounts } = makePool();
    accounts.set(addressOf(0), { nonce: 3n });
    expect(await pool.nextNonce(addressOf(0))).toBe(3n);
    await pool.add(transfer(0, 3n));
    await pool.add(transfer(0, 4n));
    await pool.add(transfer(0, 6n));
    expect(await pool.nextNonce(addressOf(0))).toBe(5n);
    expect(await pool.nextNonce(addressOf(1))).toBe(0n);
  });

  it('lists every transaction by sender and nonce with Besu statistics', async () => {
    const { pool } = makePool();
    await pool.add(transfer(1, 1n), { local: true });
    await pool.add(transfer(0, 0n));
    await pool.add(transfer(1, 0n), { local: true });
    const listed = pool.transactions();
    const expected = [
      [addressOf(0), 0n],
      [addressOf(1), 0n],
      [addressOf(1), 1n],
    ].sort((a, b) => Buffer.compare(a[0] as Uint8Array, b[0] as Uint8Array));
    expect(listed.map((t) => [t.sender, t.transaction.nonce])).toEqual(expected);
    expect(pool.statistics()).toEqual({ maxSize: 4096, localCount: 2, remoteCount: 1 });
  });

  it('serves a pooled transaction by hash, and nothing for an unknown one', async () => {
    const { pool } = makePool();
    const tx = transfer(0, 0n, { tip: 3n * GWEI });
    await pool.add(tx);
    expect(pool.get(tx.hash())?.transaction).toBe(tx);
    expect(pool.get(new Uint8Array(32))).toBeUndefined();
  });

  it('keeps senders apart: one sender\'s gap does not hold another back', async () => {
    const { pool } = makePool();
    await pool.add(transfer(0, 1n));
    await pool.add(transfer(1, 0n));
    expect(pool.contentOf(addressOf(0)).queued).toHaveLength(1);
    expect(pool.contentOf(addressOf(1)).pending).toHaveLength(1);
    expect(pool.contentOf(addressOf(2))).toEqual({ pending: [], queued: [] });
  });
});
