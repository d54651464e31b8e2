import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesToHex } from '@cairn/common';
import { MemoryStore } from '@cairn/storage';
import { afterAll, describe, expect, it } from 'vitest';
import { ADDRESSES, openTestChain, transfer } from '../../test/chain-builder';
import { Block } from '../block/block';
import { createHeader } from '../header/header';
import { exportBlockFile } from './export-blocks';
import { importBlockFile } from './import-blocks';
import { readBlockFile } from './read-block-file';

const dir = mkdtempSync(join(tmpdir(), 'cairn-block-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A chain of `count` blocks on a memory store, each with one transfer. */
async function sourceChain(count: number) {
  const chain = await openTestChain(new MemoryStore());
  for (let n = 0n; n < BigInt(count); n++) {
    const block = await chain.buildBlock(chain.head.hash(), { transactions: [transfer(0, n, ADDRESSES[2], 7n)], coinbase: ADDRESSES[3], timestamp: 12n * (n + 1n) });
    await chain.importBlock(block);
  }
  return chain;
}

describe('block files', () => {
  it('exports a range and imports it into a fresh chain with the same head and state', async () => {
    const source = await sourceChain(5);
    const file = join(dir, 'all.rlp');
    expect(await exportBlockFile(source, file, { start: 1n })).toMatchObject({ blocks: 5, start: 1n, end: 5n });
    const target = await openTestChain(new MemoryStore());
    const reports: number[] = [];
    const summary = await importBlockFile(target, file, { onProgress: (p) => reports.push(p.blocks), progressIntervalMs: 0 });
    expect(summary).toMatchObject({ blocks: 5, known: 0, gasUsed: 5n * 21000n, bytesRead: readFileSync(file).length });
    expect(summary.failure).toBeUndefined();
    expect(reports.at(-1)).toBe(5);
    expect(bytesToHex(target.head.hash())).toBe(bytesToHex(source.head.hash()));
    // Importing again skips every block.
    expect(await importBlockFile(target, file)).toMatchObject({ blocks: 5, known: 5 });
    await expect(exportBlockFile(source, join(dir, 'x.rlp'), { start: 3n, end: 9n })).rejects.toMatchObject({ code: 'INVALID_VALUE' });
  });

  it('stops at the first invalid block with its number, hash and reason, keeping the blocks before it', async () => {
    const source = await sourceChain(4);
    const blocks = await Promise.all([1n, 2n, 3n, 4n].map(async (n) => (await source.canonicalBlock(n))!));
    const broken = new Block(createHeader({ ...blocks[2].header, gasUsed: 1n }), blocks[2]);
    const file = join(dir, 'broken.rlp');
    writeFileSync(file, Buffer.concat([blocks[0], blocks[1], broken, blocks[3]].map((b) => b.encode())));
    const target = await openTestChain(new MemoryStore());
    const summary = await importBlockFile(target, file);
    expect(summary.failure).toMatchObject({ index: 2, number: 3n, hash: bytesToHex(broken.hash()), code: 'INVALID_GAS_USED' });
    expect(summary.blocks).toBe(2);
    expect(target.head.header.number).toBe(2n);
  });

  it('reports a file cut short or holding something other than blocks', async () => {
    const source = await sourceChain(2);
    const bytes = Buffer.concat([(await source.canonicalBlock(1n))!.encode(), (await source.canonicalBlock(2n))!.encode()]);
    const cut = join(dir, 'cut.rlp');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 10));
    const read = async (path: string) => {
      const seen: number[] = [];
      for await (const { index } of readBlockFile(path)) seen.push(index);
      return seen;
    };
    await expect(read(cut)).rejects.toMatchObject({ code: 'INVALID_BLOCK_FILE', index: 1, message: expect.stringMatching(/ends inside the block/) });
    const garbage = join(dir, 'garbage.rlp');
    writeFileSync(garbage, Buffer.from([0xc3, 0x01, 0x02, 0x03]));
    await expect(read(garbage)).rejects.toMatchObject({ code: 'INVALID_BLOCK_FILE', index: 0, offset: 0 });
    const target = await openTestChain(new MemoryStore());
    expect((await importBlockFile(target, cut)).failure).toMatchObject({ index: 1, code: 'INVALID_BLOCK_FILE' });
    expect(target.head.header.number).toBe(1n);
  });
});
