import { bytesToHex } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { DEV_ACCOUNTS, devChain, devTransfer } from '../../test/support/dev-chain';

describe('BlockImporter and head changes', () => {
  it('tells listeners which blocks joined and left the canonical chain, also across a reorganisation', async () => {
    const { chain, importer } = await devChain();
    const changes: string[] = [];
    importer.onHeadChange((change) => {
      changes.push(`+${change.added.map((b) => b.header.number).join(',')} -${change.removed.map((b) => b.header.number).join(',')}`);
    });
    const to = new Uint8Array(20).fill(1);
    const build = (parent: Uint8Array, timestamp: bigint, value: bigint) =>
      chain.buildBlock(parent, { transactions: [devTransfer(DEV_ACCOUNTS[0].privateKey, 0n, to, value)], coinbase: to, timestamp });
    const a1 = await build(chain.genesis.hash(), 10n, 1n);
    await importer.import(a1);
    const a2 = await chain.buildBlock(a1.hash(), { transactions: [], coinbase: to, timestamp: 20n });
    await importer.import(a2);
    // After the Merge every imported block becomes the head: a sibling of a1 reorganises two blocks away.
    const b1 = await build(chain.genesis.hash(), 11n, 2n);
    await importer.import(b1);
    expect(changes).toEqual(['+1 -', '+2 -', '+1 -2,1']);
    expect(bytesToHex(chain.head.hash())).toBe(bytesToHex(b1.hash()));
    expect((await importer.import(b1)).status).toBe('known');
    expect(changes).toHaveLength(3);
  });

  it('logs a failing listener and still tells the others', async () => {
    const { chain, importer, logLines } = await devChain();
    const heard: bigint[] = [];
    importer.onHeadChange(() => {
      throw new Error('listener broke');
    });
    importer.onHeadChange((change) => {
      heard.push(change.head.header.number);
    });
    await importer.import(await chain.buildBlock(chain.genesis.hash(), { transactions: [], coinbase: new Uint8Array(20), timestamp: 1n }));
    expect(heard).toEqual([1n]);
    expect(logLines.some((line) => /ERROR .*a listener of block #1 failed: listener broke/.test(line))).toBe(true);
  });
});
