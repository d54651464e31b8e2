import { bytesToBigInt, Fork } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { CONTRACT, code, run } from '../../../test/helpers';

/** Runs SSTORE(0, v) for each v in turn on a slot that starts at `original`; returns gas used and the refund counter. */
async function sstores(fork: Fork, original: bigint, values: bigint[], gas = 1_000_000n) {
  const body = values.map((v) => `60${v.toString(16).padStart(2, '0')}600055`).join('');
  const result = await run(fork, code(body, '00'), {
    gas,
    setup: (reader) => reader.setAccount(CONTRACT, { code: code(body, '00'), storage: new Map([[0n, original]]) }),
  });
  return { status: result.status, gas: result.gasUsed - 6n * BigInt(values.length), refund: result.refundCounter };
}

describe('SSTORE gas', () => {
  it('uses the legacy scheme before Constantinople and in Petersburg', async () => {
    for (const fork of [Fork.Byzantium, Fork.Petersburg]) {
      expect(await sstores(fork, 0n, [1n])).toMatchObject({ gas: 20000n, refund: 0n });
      expect(await sstores(fork, 1n, [0n])).toMatchObject({ gas: 5000n, refund: 15000n });
      expect(await sstores(fork, 1n, [2n, 1n])).toMatchObject({ gas: 10000n, refund: 0n });
    }
  });

  it('meters net changes in Constantinople (EIP-1283)', async () => {
    expect(await sstores(Fork.Constantinople, 1n, [2n, 1n])).toMatchObject({ gas: 5000n + 200n, refund: 4800n });
    expect(await sstores(Fork.Constantinople, 0n, [1n, 0n])).toMatchObject({ gas: 20000n + 200n, refund: 19800n });
    expect(await sstores(Fork.Constantinople, 1n, [1n])).toMatchObject({ gas: 200n, refund: 0n });
  });

  it('meters net changes with the 2300 sentry from Istanbul (EIP-2200)', async () => {
    expect(await sstores(Fork.Istanbul, 1n, [2n, 1n])).toMatchObject({ gas: 5000n + 800n, refund: 4200n });
    expect(await sstores(Fork.Istanbul, 1n, [0n, 1n])).toMatchObject({ gas: 5000n + 800n, refund: 4200n });
    // With no more than 2300 gas left at the SSTORE, it fails.
    expect((await sstores(Fork.Istanbul, 0n, [1n], 2306n)).status).toBe('OutOfGas');
  });

  it('adds the cold slot price from Berlin (EIP-2929) and the smaller clearing refund from London (EIP-3529)', async () => {
    expect(await sstores(Fork.Berlin, 1n, [0n])).toMatchObject({ gas: 2100n + 2900n, refund: 15000n });
    expect(await sstores(Fork.London, 1n, [0n])).toMatchObject({ gas: 2100n + 2900n, refund: 4800n });
    expect(await sstores(Fork.London, 0n, [1n, 0n])).toMatchObject({ gas: 2100n + 20000n + 100n, refund: 19900n });
  });
});

describe('transient storage (EIP-1153)', () => {
  it('keeps values for the transaction only, through TLOAD', async () => {
    const result = await run(Fork.Cancun, code('602a60075d', '60075c', '60005260206000f3'));
    expect(bytesToBigInt(result.output)).toBe(42n);
    expect(result.state.transientGet(result.state.get(bytesToBigInt(CONTRACT))!, 7n)).toBe(0n);
  });
});
