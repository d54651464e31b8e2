import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Fork } from '@cairn/common';
import { LevelDbStore, MemoryStore } from '@cairn/storage';
import { PruningError, StateNotAvailableError } from '@cairn/trie';
import { afterEach, describe, expect, it } from 'vitest';
import { ADDRESSES, importReorg, openTestChain, transfer } from '../../test/chain-builder';
import { Block } from '../block/block';
import { createHeader } from '../header/header';
import type { Blockchain } from './blockchain';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const RECIPIENT = new Uint8Array(20).fill(0x42);
const PRUNING = { enabled: true, blocksRetained: 2 };

/** Builds and imports `count` blocks on the head, each paying RECIPIENT 1 wei from key 0. */
async function extend(chain: Blockchain, count: number, timestamp = 0n): Promise<Block[]> {
  const blocks: Block[] = [];
  for (let i = 0; i < count; i++) {
    const nonce = (await chain.stateAt(chain.head.header).getAccount(ADDRESSES[0]))?.nonce ?? 0n;
    const block = await chain.buildBlock(chain.head.hash(), { transactions: [transfer(0, nonce, RECIPIENT, 1n)], coinbase: ADDRESSES[3], timestamp: timestamp + 12n * (chain.head.header.number + 1n) });
    expect((await chain.importBlock(block)).status).toBe('canonical');
    blocks.push(block);
  }
  return blocks;
}

async function balanceAt(chain: Blockchain, block: Block): Promise<bigint | undefined> {
  return (await chain.stateAt(block.header).getAccount(RECIPIENT))?.balance;
}

describe('Blockchain with state pruning', () => {
  it('keeps the retained blocks\' state, prunes older state, and reopens only with pruning', async () => {
    const location = mkdtempSync(join(tmpdir(), 'cairn-chain-pruning-'));
    dirs.push(location);
    let store = await LevelDbStore.open(location);
    let chain = await openTestChain(store, Fork.Shanghai, PRUNING);
    const blocks = await extend(chain, 6);
    await chain.pruner!.idle();
    expect(chain.pruner!.status()).toMatchObject({ prunedThrough: 5n, failure: undefined });
    expect(await balanceAt(chain, blocks[5])).toBe(6n);
    expect(await balanceAt(chain, blocks[4])).toBe(5n);
    await expect(balanceAt(chain, blocks[3])).rejects.toBeInstanceOf(StateNotAvailableError);
    await chain.close();
    await store.close();

    store = await LevelDbStore.open(location);
    await expect(openTestChain(store, Fork.Shanghai)).rejects.toBeInstanceOf(PruningError);
    chain = await openTestChain(store, Fork.Shanghai, PRUNING);
    await extend(chain, 1, 100n);
    await chain.pruner!.idle();
    expect(await balanceAt(chain, chain.head)).toBe(7n);
    await expect(balanceAt(chain, blocks[4])).rejects.toBeInstanceOf(StateNotAvailableError);
    await chain.close();
    await store.close();
  });

  it('follows a reorganisation: the new branch is retained and the abandoned one pruned', async () => {
    const chain = await openTestChain(new MemoryStore(), Fork.London, PRUNING);
    const { a1, b1 } = await importReorg(chain, RECIPIENT);
    const later = await extend(chain, 3, 40n);
    await chain.pruner!.idle();
    expect(chain.pruner!.status().failure).toBeUndefined();
    expect(await balanceAt(chain, later[2])).toBe(8n);
    expect(await balanceAt(chain, later[1])).toBe(7n);
    await expect(balanceAt(chain, a1)).rejects.toBeInstanceOf(StateNotAvailableError);
    await expect(balanceAt(chain, b1)).rejects.toBeInstanceOf(StateNotAvailableError);
    await chain.close();
  });

  it('journals nothing for a block with a wrong state root, so pruning carries on past it', async () => {
    const chain = await openTestChain(new MemoryStore(), Fork.Shanghai, PRUNING);
    await extend(chain, 1);
    const good = await chain.buildBlock(chain.head.hash(), { transactions: [transfer(0, 1n, RECIPIENT, 1n)], coinbase: ADDRESSES[3], timestamp: 24n });
    const written = chain.pruner!.status().writtenSeq;
    const bad = new Block(createHeader({ ...good.header, stateRoot: new Uint8Array(32).fill(1) }), good);
    await expect(chain.importBlock(bad)).rejects.toMatchObject({ code: 'INVALID_STATE_ROOT' });
    expect(chain.pruner!.status().writtenSeq).toBe(written);
    expect((await chain.importBlock(good)).status).toBe('canonical');
    await extend(chain, 4, 24n);
    await chain.pruner!.idle();
    expect(chain.pruner!.status()).toMatchObject({ prunedThrough: 5n, failure: undefined });
    await chain.close();
  });
});
