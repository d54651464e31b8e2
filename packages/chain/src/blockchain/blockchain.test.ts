import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesToHex, Fork } from '@cairn/common';
import { LevelDbStore, MemoryStore } from '@cairn/storage';
import { afterEach, describe, expect, it } from 'vitest';
import { ADDRESSES, importReorg, openTestChain, testGenesis, transfer } from '../../test/chain-builder';
import { Block } from '../block/block';
import { createHeader } from '../header/header';
import { Blockchain } from './blockchain';
import { ProofOfStakeEngine } from '../consensus/proof-of-stake';
import { Evm, precompilesFor } from '@cairn/evm';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-chain-'));
  dirs.push(dir);
  return dir;
}

const RECIPIENT = new Uint8Array(20).fill(0x42);

describe('Blockchain', () => {
  it('imports blocks into LevelDB and finds them, their receipts, transactions and state after reopening', async () => {
    const location = tempDir();
    let store = await LevelDbStore.open(location);
    let chain = await openTestChain(store);
    const built = [];
    for (let n = 0n; n < 3n; n++) {
      const block = await chain.buildBlock(chain.head.hash(), { transactions: [transfer(0, n, RECIPIENT, 1000n), transfer(1, n, RECIPIENT, 1n)], coinbase: ADDRESSES[3], timestamp: 12n * (n + 1n) });
      expect((await chain.importBlock(block)).status).toBe('canonical');
      built.push(block);
    }
    expect((await chain.importBlock(built[1])).status).toBe('known');
    await chain.close();
    await store.close();

    store = await LevelDbStore.open(location);
    chain = await openTestChain(store);
    expect(bytesToHex(chain.head.hash())).toBe(bytesToHex(built[2].hash()));
    expect((await chain.stateAt(chain.head.header).getAccount(RECIPIENT))?.balance).toBe(3003n);
    const tx = built[1].transactions[1];
    expect(await chain.blocks.transactionLocation(tx.hash())).toEqual({ blockHash: built[1].hash(), index: 1 });
    const receipts = await chain.blocks.receipts(built[1].hash());
    expect(receipts?.map((r) => [r.status, r.cumulativeGasUsed])).toEqual([[1, 21000n], [1, 42000n]]);
    expect(bytesToHex((await chain.canonicalBlock(2n))!.hash())).toBe(bytesToHex(built[1].hash()));
    await chain.close();
    await store.close();
  });

  it('rejects a block whose state root is wrong and stores nothing of it', async () => {
    const store = new MemoryStore();
    const chain = await openTestChain(store);
    const good = await chain.buildBlock(chain.head.hash(), { transactions: [transfer(0, 0n, RECIPIENT, 5n)], coinbase: ADDRESSES[3], timestamp: 12n });
    const bad = new Block(createHeader({ ...good.header, stateRoot: new Uint8Array(32).fill(1) }), good);
    await expect(chain.importBlock(bad)).rejects.toMatchObject({ code: 'INVALID_STATE_ROOT' });
    expect(await chain.blocks.header(bad.hash())).toBeUndefined();
    expect(chain.head.header.number).toBe(0n);
    await expect(chain.importBlock(new Block(createHeader({ ...good.header, parentHash: new Uint8Array(32) }), good))).rejects.toMatchObject({ code: 'UNKNOWN_PARENT' });
    expect((await chain.importBlock(good)).status).toBe('canonical');
    await chain.close();
  });

  it('moves the canonical chain and the transaction index to a branch with more total difficulty', async () => {
    const store = new MemoryStore();
    const chain = await openTestChain(store, Fork.London);
    const { a1, b1, b2 } = await importReorg(chain, RECIPIENT);
    expect(bytesToHex(chain.head.hash())).toBe(bytesToHex(b2.hash()));
    expect(bytesToHex((await chain.blocks.canonicalHash(1n))!)).toBe(bytesToHex(b1.hash()));
    expect(await chain.blocks.transactionLocation(a1.transactions[0].hash())).toBeUndefined();
    expect(await chain.blocks.transactionLocation(b2.transactions[0].hash())).toEqual({ blockHash: b2.hash(), index: 0 });
    expect((await chain.stateAt(chain.head.header).getAccount(RECIPIENT))?.balance).toBe(5n);
    expect(chain.headTotalDifficulty).toBe(chain.genesis.header.difficulty + b1.header.difficulty + b2.header.difficulty);
    await chain.close();
  });

  it('refuses to open a store that holds another chain', async () => {
    const store = new MemoryStore();
    await (await openTestChain(store, Fork.Shanghai)).close();
    const other = { ...testGenesis(Fork.Shanghai), timestamp: 99n };
    await expect(Blockchain.open({ store, genesis: other, engine: new ProofOfStakeEngine(), evm: new Evm({ precompiles: precompilesFor }) })).rejects.toMatchObject({ code: 'GENESIS_MISMATCH' });
  });
});
