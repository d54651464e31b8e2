import { Fork, keccak256, bytesToHex } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { DEV_MNEMONIC, deriveAccounts } from './dev-accounts';
import { BEACON_ROOTS_ADDRESS, devGenesis } from './dev-genesis';

describe('development genesis', () => {
  const genesis = devGenesis(deriveAccounts(DEV_MNEMONIC, 10), 0);

  it('runs Cancun from genesis on chain 1337 with the dev engine', () => {
    expect(genesis.config.chainId).toBe(1337n);
    expect(genesis.config.forkAt(0n, 0n)).toBe(Fork.Cancun);
    expect(genesis.config.consensus).toEqual({ engine: 'dev', blockPeriodSeconds: 0 });
    expect(genesis.baseFeePerGas).toBe(1_000_000_000n);
  });

  it('funds the ten accounts and pre-deploys the beacon-roots contract', () => {
    expect(genesis.alloc).toHaveLength(11);
    const beacon = genesis.alloc.find((a) => bytesToHex(a.address) === BEACON_ROOTS_ADDRESS)!;
    // The code hash published with EIP-4788.
    expect(bytesToHex(keccak256(beacon.code))).toBe('0xf57acd40259872606d76197ef052f3d35588dadf919ee1f0e3cb9b62d3f4b02c');
  });
});
