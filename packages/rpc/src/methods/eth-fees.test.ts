import { ChainConfig, Fork } from '@cairn/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { localRpc } from '../../test/support/local-rpc';
import { MemoryChain } from '../../test/support/memory-chain';
import { emptyBlock, sampleBlock, sampleReceipts } from '../../test/support/sample-block';
import { FeeHistoryQuery } from '../chain/fee-history';
import { blockRewards, percentileOf } from '../chain/fees';
import { nextBaseFeeAfter } from '../chain/next-base-fee';
import { GasPriceOracle } from '../chain/gas-price-oracle';
import { ethFeeMethods } from './eth-fees';

const chain = new MemoryChain();
const chainConfig = ChainConfig.forFork(Fork.Cancun, 1337n);

beforeAll(() => {
  const genesis = chain.add(emptyBlock(undefined, { withdrawalsRoot: new Uint8Array(32), blobGasUsed: 0n, excessBlobGas: 0n, parentBeaconBlockRoot: new Uint8Array(32) }));
  chain.add(sampleBlock(genesis.header), sampleReceipts());
});

function rpc(minGasPrice: bigint) {
  return localRpc(
    ethFeeMethods({
      oracle: new GasPriceOracle({ chain, chainConfig, minGasPrice }),
      feeHistory: new FeeHistoryQuery({ chain, chainConfig }),
    }),
  );
}

describe('fee helpers', () => {
  it('take nearest-rank percentiles and gas-weighted rewards', () => {
    expect(percentileOf([1n, 2n, 3n, 4n], 50)).toBe(2n);
    expect(percentileOf([1n, 2n, 3n, 4n], 100)).toBe(4n);
    expect(percentileOf([], 50)).toBeUndefined();
    expect(blockRewards([], 0n, [10, 90])).toEqual([0n, 0n]);
    expect(blockRewards([{ tip: 5n, gasUsed: 10n }, { tip: 1n, gasUsed: 90n }], 100n, [50, 95])).toEqual([1n, 5n]);
  });

  it('price the next block by EIP-1559 only once London is active', async () => {
    const head = await chain.head();
    expect(nextBaseFeeAfter(head, chainConfig)).toBe(7n);
    expect(nextBaseFeeAfter(head, ChainConfig.forFork(Fork.Berlin, 1337n))).toBe(0n);
  });
});

describe('fee methods', () => {
  it('suggest the median price paid, never below what the next block accepts', async () => {
    // Paid: 20 (legacy), 10, min(100, 7+3) = 10, min(9, 7+5) = 9; tips 13, 3, 3, 2.
    expect((await rpc(1n)('eth_gasPrice')).result).toBe('0xa');
    expect((await rpc(50n)('eth_gasPrice')).result).toBe('0x32');
    expect((await rpc(1n)('eth_maxPriorityFeePerGas')).result).toBe('0x3');
  });

  it('report fee history with base fees, ratios, blob fees and reward percentiles', async () => {
    const history = (await rpc(1n)('eth_feeHistory', ['0x2', 'latest', [0, 25, 50, 100]])).result;
    expect(history).toEqual({
      oldestBlock: '0x0',
      baseFeePerGas: ['0x7', '0x7', '0x7'],
      gasUsedRatio: [0, 121000 / 30_000_000],
      baseFeePerBlobGas: ['0x1', '0x1', '0x1'],
      blobGasUsedRatio: [0, 1 / 3],
      reward: [
        ['0x0', '0x0', '0x0', '0x0'],
        ['0x2', '0x3', '0x3', '0xd'],
      ],
    });
    const clipped = (await rpc(1n)('eth_feeHistory', ['0x10', '0x1'])).result;
    expect(clipped.oldestBlock).toBe('0x0');
    expect(clipped).not.toHaveProperty('reward');
  });

  it('refuse bad counts and percentiles by name', async () => {
    expect((await rpc(1n)('eth_feeHistory', ['0x0', 'latest'])).error?.message).toContain('params[0] (block count)');
    expect((await rpc(1n)('eth_feeHistory', ['0x401', 'latest'])).error?.code).toBe(-32602);
    expect((await rpc(1n)('eth_feeHistory', ['0x1', 'latest', [50, 10]])).error?.message).toContain('params[2] (reward percentiles)');
    expect((await rpc(1n)('eth_feeHistory', ['0x1', 'latest', [101]])).error?.code).toBe(-32602);
    expect((await rpc(1n)('eth_feeHistory', ['0x1', '0x9'])).error?.code).toBe(-39001);
  });
});
