import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../bytes/hex';
import { ConfigError } from '../errors';
import { Fork } from '../forks/fork';
import { parseGenesis } from './genesis';

const sample = {
  config: {
    chainId: 1337,
    homesteadBlock: 0,
    eip150Block: 0,
    eip155Block: 0,
    eip158Block: 0,
    byzantiumBlock: 0,
    constantinopleBlock: 0,
    petersburgBlock: 0,
    istanbulBlock: 0,
    berlinBlock: 0,
    LondonBlock: '0x0',
    terminalTotalDifficulty: 0,
    shanghaiTime: 0,
    cancunTime: '100',
  },
  gasLimit: '0x1c9c380',
  difficulty: '0x0',
  extraData: '0x1234',
  baseFeePerGas: '1000000000',
  alloc: {
    f39Fd6e51aad88F6F4ce6aB8827279cffFb92266: { balance: '0x56bc75e2d63100000' },
    '0x0000000000000000000000000000000000000aaa': { code: '0x6001', storage: { '0x01': '0x02', '0x02': '0x0' }, nonce: '1' },
  },
};

describe('genesis', () => {
  it('reads the geth/Besu format, keys in any case', () => {
    const genesis = parseGenesis(sample);
    expect(genesis.config.chainId).toBe(1337n);
    expect(genesis.config.forkAt(0n, 0n)).toBe(Fork.Shanghai);
    expect(genesis.config.forkAt(1n, 100n)).toBe(Fork.Cancun);
    expect(genesis.config.consensus.engine).toBe('pos');
    expect(genesis.gasLimit).toBe(30_000_000n);
    expect(genesis.baseFeePerGas).toBe(1_000_000_000n);
    expect(bytesToHex(genesis.extraData)).toBe('0x1234');
    expect(genesis.alloc).toHaveLength(2);
    expect(genesis.alloc[0].balance).toBe(100n * 10n ** 18n);
    expect(genesis.alloc[1].nonce).toBe(1n);
    expect(genesis.alloc[1].storage).toEqual([[1n, 2n]]);
  });

  it('reads clique and ibft2 settings', () => {
    const clique = parseGenesis({ ...sample, config: { chainId: 5, clique: { blockperiodseconds: 2, epochlength: 30000 } } });
    expect(clique.config.consensus).toEqual({ engine: 'clique', blockPeriodSeconds: 2, epochLength: 30000n, createEmptyBlocks: true });
    const ibft = parseGenesis({ ...sample, config: { chainId: 5, ibft2: { blockperiodseconds: 5, requesttimeoutseconds: 10 } } });
    expect(ibft.config.consensus.engine).toBe('ibft2');
  });

  it('reports every invalid field by path', () => {
    let caught: unknown;
    try {
      parseGenesis({
        config: { chainId: 'abc', londonBlock: -1, berlinBlock: '0xZZ' },
        gasLimit: 12.5,
        alloc: { nothex: { balance: '1' }, '0x0000000000000000000000000000000000000001': { balance: 'lots' } },
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const issues = (caught as ConfigError).issues.join('\n');
    expect(issues).toMatch(/config\.chainid/);
    expect(issues).toMatch(/config\.londonblock/);
    expect(issues).toMatch(/config\.berlinblock/);
    expect(issues).toMatch(/gaslimit/);
    expect(issues).toMatch(/alloc\.0x0000000000000000000000000000000000000001\.balance/);
  });

  it('reports a bad address and forks out of order', () => {
    expect(() => parseGenesis({ ...sample, alloc: { '0x12': {} } })).toThrow(/alloc\.0x12: not an address/);
    expect(() => parseGenesis({ ...sample, config: { chainId: 1, londonBlock: 5, berlinBlock: 10 } })).toThrow(/before an earlier fork/);
  });
});
