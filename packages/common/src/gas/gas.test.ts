import { describe, expect, it } from 'vitest';
import { ChainConfig } from '../config/chain-config';
import { Fork } from '../forks/fork';
import { CANCUN_BLOB_PARAMS } from '../forks/rules';
import { blobBaseFee, fakeExponential, GAS_PER_BLOB, nextExcessBlobGas } from './blob-gas';
import { intrinsicGas } from './intrinsic-gas';

const rules = (fork: Fork) => ChainConfig.forFork(fork).rulesFor(fork);

describe('intrinsic gas', () => {
  const data = Uint8Array.of(0, 1, 0, 2);

  it('prices calldata per fork', () => {
    expect(intrinsicGas({ data, isCreate: false }, rules(Fork.Frontier))).toBe(21000n + 2n * 4n + 2n * 68n);
    expect(intrinsicGas({ data, isCreate: false }, rules(Fork.Istanbul))).toBe(21000n + 2n * 4n + 2n * 16n);
  });

  it('charges creations from Homestead and init-code words from Shanghai', () => {
    const empty = new Uint8Array(0);
    expect(intrinsicGas({ data: empty, isCreate: true }, rules(Fork.Frontier))).toBe(21000n);
    expect(intrinsicGas({ data: empty, isCreate: true }, rules(Fork.Homestead))).toBe(53000n);
    const code = new Uint8Array(33).fill(1);
    expect(intrinsicGas({ data: code, isCreate: true }, rules(Fork.Shanghai))).toBe(53000n + 33n * 16n + 2n * 2n);
    expect(intrinsicGas({ data: code, isCreate: true }, rules(Fork.London))).toBe(53000n + 33n * 16n);
  });

  it('charges access lists', () => {
    expect(intrinsicGas({ data: new Uint8Array(0), isCreate: false, accessListAddresses: 2, accessListStorageKeys: 3 }, rules(Fork.Berlin))).toBe(
      21000n + 2n * 2400n + 3n * 1900n,
    );
  });
});

describe('blob gas', () => {
  it('follows the EIP-4844 formulas', () => {
    expect(fakeExponential(1n, 0n, 3338477n)).toBe(1n);
    expect(blobBaseFee(0n, CANCUN_BLOB_PARAMS)).toBe(1n);
    // e^(10 * 3338477 / 3338477) ≈ 22026.
    expect(blobBaseFee(10n * 3338477n, CANCUN_BLOB_PARAMS)).toBe(22026n);
    expect(nextExcessBlobGas(0n, 2n * GAS_PER_BLOB, CANCUN_BLOB_PARAMS)).toBe(0n);
    expect(nextExcessBlobGas(GAS_PER_BLOB, 6n * GAS_PER_BLOB, CANCUN_BLOB_PARAMS)).toBe(4n * GAS_PER_BLOB);
  });
});
