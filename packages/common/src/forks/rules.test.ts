import { describe, expect, it } from 'vitest';
import { ChainConfig } from '../config/chain-config';
import { ConfigError } from '../errors';
import { FORKS, Fork } from './fork';
import { eipsAt } from './rules';

describe('fork rules', () => {
  it('lists the forks in order', () => {
    expect(FORKS[0]).toBe(Fork.Frontier);
    expect(FORKS.at(-1)).toBe(Fork.Cancun);
    expect(FORKS.length).toBe(17);
  });

  it('folds EIPs forward, with Petersburg dropping EIP-1283', () => {
    expect(eipsAt(Fork.Constantinople).has(1283)).toBe(true);
    expect(eipsAt(Fork.Petersburg).has(1283)).toBe(false);
    expect(eipsAt(Fork.Istanbul).has(2200)).toBe(true);
    expect(eipsAt(Fork.Byzantium).has(2929)).toBe(false);
    expect(eipsAt(Fork.Cancun).has(2929)).toBe(true);
  });

  it('activates by block and then by timestamp', () => {
    const config = new ChainConfig({
      chainId: 7n,
      schedule: [
        { fork: Fork.London, block: 10n },
        { fork: Fork.Berlin, block: 5n },
        { fork: Fork.Shanghai, timestamp: 1000n },
      ],
      consensus: { engine: 'ethash' },
    });
    expect(config.forkAt(0n, 0n)).toBe(Fork.Frontier);
    expect(config.forkAt(5n, 0n)).toBe(Fork.Berlin);
    expect(config.forkAt(10n, 999n)).toBe(Fork.London);
    expect(config.forkAt(11n, 1000n)).toBe(Fork.Shanghai);
    expect(config.forkAt(10n, 999n, true)).toBe(Fork.Paris);
    const rules = config.rulesAt(12n, 0n);
    expect(rules.has(1559)).toBe(true);
    expect(rules.atLeast(Fork.Berlin)).toBe(true);
    expect(rules.atLeast(Fork.Paris)).toBe(false);
    expect(config.rulesAt(13n, 1n)).toBe(rules);
    expect(Object.isFrozen(rules)).toBe(true);
    expect(rules.chainId).toBe(7n);
  });

  it('gives Cancun its blob parameters', () => {
    const rules = ChainConfig.forFork(Fork.Cancun).rulesFor(Fork.Cancun);
    expect(rules.blobParams).toEqual({ target: 3, max: 6, baseFeeUpdateFraction: 3338477n });
    expect(ChainConfig.forFork(Fork.Shanghai).rulesFor(Fork.Shanghai).blobParams).toBeUndefined();
  });

  it('rejects schedules out of order', () => {
    const make = () =>
      new ChainConfig({
        chainId: 1n,
        schedule: [
          { fork: Fork.London, block: 1n },
          { fork: Fork.Berlin, block: 5n },
          { fork: Fork.Shanghai, block: 9n },
        ],
        consensus: { engine: 'ethash' },
      });
    expect(make).toThrow(ConfigError);
    expect(make).toThrow(/Shanghai activates by timestamp/);
  });
});
