import { Fork, type Hex, ValueError, bytesToHex, hexToBytes } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { blockReward, blockRewards } from '../src/index';

const ETHER = 10n ** 18n;

/**
 * Reward vectors from ethereum-tests v7.0.0 (`BlockchainTests/ValidBlocks/bcUncleTest/*` and
 * `BlockchainTests/TransitionTests/*`): every test whose blocks are all valid and include uncles.
 * Each chain starts from a genesis where only the transaction sender has a balance, and every block
 * (1 to `blocks`) is mined by 0x8888…9db1; `uncles` maps a block number to the (number, coinbase)
 * of the uncles it includes; `fees` is the sum of gasUsed × gasPrice of the blocks' transactions,
 * which the miner also receives; `balances` are the fixture's post-state balances of the miner and
 * of the uncles' coinbases, which nothing else pays.
 */
interface RewardCase {
  readonly source: string;
  readonly network: 'Istanbul' | 'FrontierToHomesteadAt5' | 'ByzantiumToConstantinopleFixAt5';
  readonly blocks: number;
  readonly uncles: Readonly<Record<number, readonly (readonly [number, Hex])[]>>;
  readonly fees: bigint;
  readonly balances: Readonly<Record<Hex, bigint>>;
}

const MINER: Hex = '0x8888f1f195afa192cfee860698584c030f4c9db1';

const CASES: readonly RewardCase[] = [
  {
    source: 'bcUncleTest/oneUncle.json oneUncle_Istanbul',
    network: 'Istanbul',
    blocks: 3,
    uncles: { 3: [[2, '0xb94f5374fce5ed0000000097c15331677e6ebf0b']] },
    fees: 63000n,
    balances: { '0x8888f1f195afa192cfee860698584c030f4c9db1': 6062500000000063000n, '0xb94f5374fce5ed0000000097c15331677e6ebf0b': 1750000000000000000n },
  },
  {
    source: 'bcUncleTest/oneUncleGeneration2.json oneUncleGeneration2_Istanbul',
    network: 'Istanbul',
    blocks: 4,
    uncles: { 4: [[2, '0xbcde5374fce5edbc8e2a8697c15331677e6ebf0b']] },
    fees: 84000n,
    balances: { '0x8888f1f195afa192cfee860698584c030f4c9db1': 8062500000000084000n, '0xbcde5374fce5edbc8e2a8697c15331677e6ebf0b': 1500000000000000000n },
  },
  {
    source: 'bcUncleTest/oneUncleGeneration3.json oneUncleGeneration3_Istanbul',
    network: 'Istanbul',
    blocks: 5,
    uncles: { 5: [[2, '0xbcde5374fce5edbc8e2a8697c15331677e6ebf0b']] },
    fees: 105000n,
    balances: { '0x8888f1f195afa192cfee860698584c030f4c9db1': 10062500000000105000n, '0xbcde5374fce5edbc8e2a8697c15331677e6ebf0b': 1250000000000000000n },
  },
  {
    source: 'bcUncleTest/oneUncleGeneration4.json oneUncleGeneration4_Istanbul',
    network: 'Istanbul',
    blocks: 6,
    uncles: { 6: [[2, '0xbcde5374fce5edbc8e2a8697c15331677e6ebf01']] },
    fees: 126000n,
    balances: { '0x8888f1f195afa192cfee860698584c030f4c9db1': 12062500000000126000n, '0xbcde5374fce5edbc8e2a8697c15331677e6ebf01': 1000000000000000000n },
  },
  {
    source: 'bcUncleTest/oneUncleGeneration5.json oneUncleGeneration5_Istanbul',
    network: 'Istanbul',
    blocks: 7,
    uncles: { 7: [[2, '0xbcde5374fce5edbc8e2a8697c15331677e6ebf0b']] },
    fees: 147000n,
    balances: { '0x8888f1f195afa192cfee860698584c030f4c9db1': 14062500000000147000n, '0xbcde5374fce5edbc8e2a8697c15331677e6ebf0b': 750000000000000000n },
  },
  {
    source: 'bcUncleTest/oneUncleGeneration6.json oneUncleGeneration6_Istanbul',
    network: 'Istanbul',
    blocks: 8,
    uncles: { 8: [[2, '0xbcde5374fce5edbc8e2a8697c15331677e6ebf0b']] },
    fees: 168000n,
    balances: { '0x8888f1f195afa192cfee860698584c030f4c9db1': 16062500000000168000n, '0xbcde5374fce5edbc8e2a8697c15331677e6ebf0b': 500000000000000000n },
  },
  {
    source: 'bcUncleTest/twoUncle.json twoUncle_Istanbul',
    network: 'Istanbul',
    blocks: 3,
    uncles: { 3: [[2, '0xbcde5374fce5edbc8e2a8697c15331677e6ebf0b'], [2, '0xccde5374fce5edbc8e2a8697c15331677e6ebf0b']] },
    fees: 63000n,
    balances: { '0x8888f1f195afa192cfee860698584c030f4c9db1': 6125000000000063000n, '0xbcde5374fce5edbc8e2a8697c15331677e6ebf0b': 1750000000000000000n, '0xccde5374fce5edbc8e2a8697c15331677e6ebf0b': 1750000000000000000n },
  },
  {
    source: 'bcUncleTest/uncleHeaderAtBlock2.json uncleHeaderAtBlock2_Istanbul',
    network: 'Istanbul',
    blocks: 2,
    uncles: { 2: [[1, '0x1000000000000000000000000000000000000001']] },
    fees: 42000n,
    balances: { '0x8888f1f195afa192cfee860698584c030f4c9db1': 4062500000000042000n, '0x1000000000000000000000000000000000000001': 1750000000000000000n },
  },
  {
    source: 'bcFrontierToHomestead/UncleFromFrontierInHomestead.json UncleFromFrontierInHomestead_FrontierToHomesteadAt5',
    network: 'FrontierToHomesteadAt5',
    blocks: 6,
    uncles: { 6: [[5, '0xb94f5374fce5ed0000000097c15331677e6ebf0b'], [5, '0x0000000000000000000000000000000000000000']] },
    fees: 21000n,
    balances: { '0x8888f1f195afa192cfee860698584c030f4c9db1': 30312500000000021000n, '0x0000000000000000000000000000000000000000': 4375000000000000000n, '0xb94f5374fce5ed0000000097c15331677e6ebf0b': 4375000000000000000n },
  },
  {
    source: 'bcFrontierToHomestead/UnclePopulation.json UnclePopulation_FrontierToHomesteadAt5',
    network: 'FrontierToHomesteadAt5',
    blocks: 6,
    uncles: { 6: [[5, '0xb94f5374fce5ed0000000097c15331677e6ebf0b']] },
    fees: 21000n,
    balances: { '0x8888f1f195afa192cfee860698584c030f4c9db1': 30156250000000021000n, '0xb94f5374fce5ed0000000097c15331677e6ebf0b': 4375000000000000000n },
  },
  {
    source: 'bcByzantiumToConstantinopleFix/ConstantinopleFixTransition.json ConstantinopleTransition_ByzantiumToConstantinopleFixAt5',
    network: 'ByzantiumToConstantinopleFixAt5',
    blocks: 9,
    uncles: { 5: [[3, '0x0cde5374fce5edbc8e2a8697c15331677e6ebf0b']], 6: [[4, '0x1cde5374fce5edbc8e2a8697c15331677e6ebf0b'], [4, '0x2cde5374fce5edbc8e2a8697c15331677e6ebf0b']], 7: [[5, '0x3cde5374fce5edbc8e2a8697c15331677e6ebf0b']] },
    fees: 370800n,
    balances: { '0x8888f1f195afa192cfee860698584c030f4c9db1': 22250000000000370800n, '0x0cde5374fce5edbc8e2a8697c15331677e6ebf0b': 1500000000000000000n, '0x1cde5374fce5edbc8e2a8697c15331677e6ebf0b': 1500000000000000000n, '0x2cde5374fce5edbc8e2a8697c15331677e6ebf0b': 1500000000000000000n, '0x3cde5374fce5edbc8e2a8697c15331677e6ebf0b': 1500000000000000000n },
  },
];

function forkAt(network: RewardCase['network'], blockNumber: number): Fork {
  switch (network) {
    case 'Istanbul':
      return Fork.Istanbul;
    case 'FrontierToHomesteadAt5':
      return blockNumber < 5 ? Fork.Frontier : Fork.Homestead;
    case 'ByzantiumToConstantinopleFixAt5':
      return blockNumber < 5 ? Fork.Byzantium : Fork.Petersburg;
  }
}

describe('block and uncle rewards', () => {
  it.each(CASES)('pays what $source ends with', (test) => {
    const balances = new Map<Hex, bigint>([[MINER, test.fees]]);
    for (let number = 1; number <= test.blocks; number++) {
      const uncles = (test.uncles[number] ?? []).map(([uncleNumber, coinbase]) => ({ number: BigInt(uncleNumber), coinbase: hexToBytes(coinbase) }));
      const credits = blockRewards({ fork: forkAt(test.network, number), number: BigInt(number), coinbase: hexToBytes(MINER), uncles });
      for (const { address, amount } of credits) {
        const key = bytesToHex(address);
        balances.set(key, (balances.get(key) ?? 0n) + amount);
      }
    }
    expect(Object.fromEntries(balances)).toEqual(test.balances);
  });

  it('follows the per-fork block reward', () => {
    expect(blockReward(Fork.Frontier)).toBe(5n * ETHER);
    expect(blockReward(Fork.SpuriousDragon)).toBe(5n * ETHER);
    expect(blockReward(Fork.Byzantium)).toBe(3n * ETHER);
    expect(blockReward(Fork.Constantinople)).toBe(2n * ETHER);
    expect(blockReward(Fork.GrayGlacier)).toBe(2n * ETHER);
    expect(blockReward(Fork.Paris)).toBe(0n);
    expect(blockReward(Fork.Cancun)).toBe(0n);
  });

  const coinbase = hexToBytes(MINER);
  const uncle = (number: bigint) => ({ number, coinbase: new Uint8Array(20) });

  it('credits nothing from Paris on and refuses uncles there', () => {
    expect(blockRewards({ fork: Fork.Paris, number: 15_537_394n, coinbase, uncles: [] })).toEqual([]);
    expect(() => blockRewards({ fork: Fork.Shanghai, number: 17_034_870n, coinbase, uncles: [uncle(17_034_869n)] })).toThrow(ValueError);
  });

  it('refuses an uncle that is not 1 to 6 generations back', () => {
    for (const number of [10n, 11n, 3n]) {
      expect(() => blockRewards({ fork: Fork.London, number: 10n, coinbase, uncles: [uncle(number)] })).toThrow(/not 1 to 6 generations back/);
    }
    expect(blockRewards({ fork: Fork.London, number: 10n, coinbase, uncles: [uncle(4n)] })[1].amount).toBe((2n * 2n * ETHER) / 8n);
  });
});
