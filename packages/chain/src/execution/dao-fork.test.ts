import { ChainConfig, Fork, hexToBytes } from '@cairn/common';
import { JournaledState, MemoryState } from '@cairn/evm';
import { describe, expect, it } from 'vitest';
import { DAO_DRAIN_ACCOUNTS, DAO_REFUND_CONTRACT } from './dao-accounts';
import { applyDaoFork, daoForkBlock } from './dao-fork';

const address = (hex: string) => hexToBytes(`0x${hex}`);

describe('the DAO fork', () => {
  it('lists the 116 distinct accounts of EIP-779', () => {
    expect(DAO_DRAIN_ACCOUNTS).toHaveLength(116);
    expect(new Set(DAO_DRAIN_ACCOUNTS).size).toBe(116);
    for (const hex of [...DAO_DRAIN_ACCOUNTS, DAO_REFUND_CONTRACT]) expect(hex).toMatch(/^[0-9a-f]{40}$/);
  });

  it('moves every drained balance to the refund contract', async () => {
    const world = new MemoryState();
    world.setAccount(address(DAO_DRAIN_ACCOUNTS[0]), { balance: 100n });
    world.setAccount(address(DAO_DRAIN_ACCOUNTS[115]), { balance: 23n, nonce: 4n });
    world.setAccount(address(DAO_REFUND_CONTRACT), { balance: 1n });
    const state = new JournaledState(world);
    await applyDaoFork(state);
    world.commit(state.changes());
    expect((await world.getAccount(address(DAO_REFUND_CONTRACT)))?.balance).toBe(124n);
    expect(await world.getAccount(address(DAO_DRAIN_ACCOUNTS[115]))).toMatchObject({ balance: 0n, nonce: 4n });
    // Drained accounts that did not exist are created empty, as pre-Spurious-Dragon rules make them.
    expect(await world.getAccount(address(DAO_DRAIN_ACCOUNTS[50]))).toMatchObject({ balance: 0n, nonce: 0n });
  });

  it('happens only on chains that took it', () => {
    const schedule = [{ fork: Fork.Homestead, block: 0n }, { fork: Fork.DAO, block: 1_920_000n }];
    expect(daoForkBlock(new ChainConfig({ chainId: 1n, schedule, consensus: { engine: 'ethash' } }))).toBe(1_920_000n);
    expect(daoForkBlock(new ChainConfig({ chainId: 61n, schedule, daoForkSupport: false, consensus: { engine: 'ethash' } }))).toBeUndefined();
  });
});
