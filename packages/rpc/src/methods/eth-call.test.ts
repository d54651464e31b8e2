import { bytesToHex } from '@cairn/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { localRpc } from '../../test/support/local-rpc';
import { MemoryChain } from '../../test/support/memory-chain';
import { emptyBlock } from '../../test/support/sample-block';
import { OTHER, ToyExecutor } from '../../test/support/toy-executor';
import { ethCallMethods } from './eth-call';

const CONTRACT = `0x${'c0'.repeat(20)}`;
const REVERTER = `0x${'de'.repeat(20)}`;
const TOUCHER = `0x${'70'.repeat(20)}`;
const ALICE = `0x${'a1'.repeat(20)}`;
const SLOT0 = `0x${'00'.repeat(32)}`;
// Error(string) "no"
const REVERT_DATA = `08c379a0${'0'.repeat(62)}20${'0'.repeat(63)}2${'6e6f'.padEnd(64, '0')}`;

const chain = new MemoryChain();
const executor = new ToyExecutor(chain);

beforeAll(() => {
  const world = new Map<string, { balance?: bigint; code?: Uint8Array; storage?: Map<string, bigint> }>([
    [CONTRACT, { code: new Uint8Array(10), storage: new Map([[SLOT0, 42n]]) }],
    [REVERTER, { code: Uint8Array.from(Buffer.from(`fd${REVERT_DATA}`, 'hex')) }],
    [TOUCHER, { code: Uint8Array.of(0x54, 7) }],
    [ALICE, { balance: 1000n }],
  ]);
  const genesis = chain.add(emptyBlock(undefined), [], world);
  chain.add(emptyBlock(genesis.header), [], world);
  chain.pruneStatesBelow(1n);
});

const call = localRpc(ethCallMethods({ chain, executor, gasCap: 100_000n }));

describe('eth_call', () => {
  it('returns the call’s output, applying state overrides', async () => {
    expect((await call('eth_call', [{ to: CONTRACT }])).result).toBe(`0x${'00'.repeat(31)}2a`);
    const overridden = await call('eth_call', [{ to: CONTRACT }, 'latest', { [CONTRACT]: { stateDiff: { [SLOT0]: `0x${'00'.repeat(31)}07` } } }]);
    expect(overridden.result).toBe(`0x${'00'.repeat(31)}07`);
    const recoded = await call('eth_call', [{ to: CONTRACT }, 'latest', { [CONTRACT]: { code: '0xfd01' } }]);
    expect(recoded.error).toEqual({ code: 3, message: 'execution reverted', data: '0x01' });
  });

  it('reports reverts with code 3, halts with -32000, refusals and pruned state', async () => {
    expect((await call('eth_call', [{ to: REVERTER }])).error).toEqual({ code: 3, message: 'execution reverted: no', data: `0x${REVERT_DATA}` });
    expect((await call('eth_call', [{ to: CONTRACT, gas: '0x5208' }])).error).toEqual({ code: -32000, message: 'out of gas' });
    expect((await call('eth_call', [{ from: ALICE, to: CONTRACT, value: '0x3e9' }])).error?.message).toContain('insufficient funds');
    expect((await call('eth_call', [{ to: CONTRACT }, 'earliest'])).error?.message).toContain('World state unavailable');
    expect((await call('eth_call', [{ to: CONTRACT, input: '0x01', data: '0x02' }])).error?.message).toContain('params[0] (transaction).input');
  });
});

describe('eth_estimateGas', () => {
  it('finds the least gas that succeeds', async () => {
    // 21000 + 10 bytes × 100 + 2000 cold = 24000; warm 22000.
    executor.calls = 0;
    expect((await call('eth_estimateGas', [{ to: CONTRACT }])).result).toBe(bytesToHex(Uint8Array.of(0x5d, 0xc0)));
    expect(executor.calls).toBeLessThan(25);
    const warm = await call('eth_estimateGas', [{ to: CONTRACT, accessList: [{ address: bytesToHex(OTHER), storageKeys: [] }] }]);
    expect(warm.result).toBe('0x55f0');
  });

  it('reports a revert at the cap, and a call that cannot fit under the cap', async () => {
    expect((await call('eth_estimateGas', [{ to: REVERTER }])).error?.code).toBe(3);
    const tooBig = await call('eth_estimateGas', [{ to: CONTRACT }, 'latest', { [CONTRACT]: { code: `0x${'00'.repeat(1000)}` } }]);
    expect(tooBig.error).toEqual({ code: -32000, message: 'gas required exceeds allowance (100000): out of gas' });
  });
});

describe('eth_createAccessList', () => {
  it('iterates the tracer until the list is stable and reports the gas with it', async () => {
    const result = (await call('eth_createAccessList', [{ to: TOUCHER }])).result;
    expect(result).toEqual({
      accessList: [{ address: bytesToHex(OTHER), storageKeys: [`0x${'00'.repeat(31)}07`] }],
      gasUsed: '0x52d0',
    });
    const reverted = (await call('eth_createAccessList', [{ to: REVERTER }])).result;
    expect(reverted).toEqual({ accessList: [], gasUsed: '0x5208', error: 'execution reverted: no' });
  });
});
