import { CairnError } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { GWEI, makePool, snapshot, transfer } from '../../test/txpool-fixtures';
import type { Transaction } from '../transactions/transaction';
import { TxPoolError } from './errors';
import { TransactionPool } from './tx-pool';

/** A small deterministic generator (xorshift32), so that a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** `bytes` with one to three bytes changed, cut short, or lengthened. */
function mutate(bytes: Uint8Array, next: () => number): Uint8Array {
  const kind = Math.floor(next() * 4);
  if (kind === 0) return bytes.subarray(0, Math.floor(next() * bytes.length));
  if (kind === 1) return Uint8Array.of(...bytes, Math.floor(next() * 256));
  const out = Uint8Array.from(bytes);
  for (let i = 0; i <= kind - 1; i++) out[Math.floor(next() * out.length)] = Math.floor(next() * 256);
  return out;
}

describe('bad input', () => {
  it('refuses undecodable bytes with the decoder\'s typed error and changes nothing', async () => {
    const { pool } = makePool();
    await pool.add(transfer(0, 0n));
    const before = snapshot(pool);
    const cases = [new Uint8Array(0), Uint8Array.of(0x7f, 0xc0), Uint8Array.of(0x02), Uint8Array.of(0xff, 0xff), Uint8Array.of(0x03, 0xc1, 0xc0), transfer(1, 0n).encode().subarray(0, 40)];
    for (const bytes of cases) {
      const error = await pool.addRaw(bytes, { local: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CairnError);
      expect(['INVALID_RLP', 'INVALID_ENVELOPE', 'UNKNOWN_TX_TYPE', 'FIELD_COUNT', 'FIELD_NOT_BYTES', 'FIELD_NOT_LIST']).toContain((error as CairnError).code);
    }
    expect(snapshot(pool)).toEqual(before);
  });

  it('refuses what is not a decoded transaction', async () => {
    const { pool } = makePool();
    for (const value of [null, undefined, {}, { hash: () => new Uint8Array(32) }, '0x00']) {
      await expect(pool.add(value as unknown as Transaction)).rejects.toMatchObject({ code: 'INVALID_TRANSACTION' });
    }
    expect(pool.size).toBe(0);
  });

  it('survives hundreds of corrupted encodings: each is accepted or refused with a typed error, and a refusal changes nothing', async () => {
    const { pool } = makePool({ limitByAccountPercentage: 1 });
    const seeds = [transfer(0, 0n), transfer(1, 0n, { type: 0, tip: 3n * GWEI }), transfer(2, 1n, { type: 1, tip: 3n * GWEI })];
    for (const tx of seeds) await pool.add(tx);
    const next = random(0x5eed);
    let accepted = 0;
    for (let i = 0; i < 300; i++) {
      const bytes = mutate(seeds[i % seeds.length].encode(), next);
      const before = snapshot(pool);
      const outcome = await pool.addRaw(bytes, { local: i % 2 === 0 }).catch((e: unknown) => e);
      if (outcome instanceof Error) {
        expect(outcome, `case ${i}: ${outcome.message}`).toBeInstanceOf(CairnError);
        expect(snapshot(pool)).toEqual(before);
      } else accepted++;
    }
    // Each seed's sender holds at most its window; corrupt copies mostly recover unfunded senders.
    expect(pool.size).toBe(seeds.length + accepted);
  });

  it('keeps working when a listener throws: the others still hear, the error goes to onListenerError', async () => {
    const { pool, listenerErrors, events } = makePool();
    const failure = new Error('subscriber bug');
    pool.subscribe({
      onAdded: () => {
        throw failure;
      },
    });
    const tx = transfer(0, 0n);
    await expect(pool.add(tx)).resolves.toMatchObject({ state: 'pending' });
    expect(listenerErrors).toEqual([failure]);
    expect(events).toHaveLength(1);
    expect(pool.size).toBe(1);
  });

  it('stops notifying a listener once unsubscribed', async () => {
    const { pool } = makePool();
    const heard: string[] = [];
    const unsubscribe = pool.subscribe({ onAdded: () => heard.push('added') });
    await pool.add(transfer(0, 0n));
    unsubscribe();
    await pool.add(transfer(1, 0n));
    expect(heard).toEqual(['added']);
  });

  it('refuses to start with bad options', () => {
    const { pool } = makePool();
    expect(
      () =>
        new TransactionPool({
          head: pool.head,
          accounts: { getNonce: async () => 0n, getBalance: async () => 0n },
          options: { maxSize: -1 },
          onListenerError: () => {},
        }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
  });

  it('runs operations in call order even when one fails', async () => {
    const { pool } = makePool();
    const results = await Promise.allSettled([pool.add(transfer(0, 0n)), pool.add(transfer(0, 0n)), pool.add(transfer(0, 1n))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(TxPoolError);
    expect(pool.status()).toEqual({ pending: 2, queued: 0 });
  });
});
