import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ChainShape, generateChain } from './chain-generator';

/** Where a generated chain lives: its genesis file and its blocks as concatenated RLP. */
export interface GeneratedChainFiles {
  readonly dir: string;
  readonly genesisFile: string;
  readonly blocksFile: string;
  readonly blocks: number;
}

/** The folder name of a shape, so that a cached chain is only reused for the same shape. */
function shapeName(shape: ChainShape): string {
  return `chain-${shape.blocks}b-${shape.senders}s-${shape.tokenTransfers}t-${shape.etherTransfers}e-${shape.creations}c`;
}

/**
 * Writes a generated chain into `parent/<shape>` (genesis.json and blocks.rlp), or reuses the
 * one already there: the blocks file is written under a temporary name and renamed last, so a
 * half-written chain is never reused.
 */
export async function generatedChainFiles(parent: string, shape: ChainShape, workloadsDir: string): Promise<GeneratedChainFiles> {
  const dir = join(parent, shapeName(shape));
  const files = { dir, genesisFile: join(dir, 'genesis.json'), blocksFile: join(dir, 'blocks.rlp'), blocks: shape.blocks };
  if (existsSync(files.blocksFile) && existsSync(files.genesisFile)) return files;
  mkdirSync(dir, { recursive: true });
  const { genesis, blocks } = await generateChain(shape, workloadsDir);
  writeFileSync(files.genesisFile, `${JSON.stringify(genesis, null, 2)}\n`);
  const partial = `${files.blocksFile}.partial`;
  writeFileSync(partial, Buffer.concat(blocks.map((block) => block.encode())));
  renameSync(partial, files.blocksFile);
  return files;
}

/** The genesis file of a generated chain, parsed as JSON. */
export function readGenesisJson(files: GeneratedChainFiles): unknown {
  return JSON.parse(readFileSync(files.genesisFile, 'utf8'));
}
