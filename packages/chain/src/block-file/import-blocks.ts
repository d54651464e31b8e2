import { bytesToHex } from '@cairn/common';
import type { Blockchain } from '../blockchain/blockchain';
import type { BlockHeader } from '../header/header';
import type { SenderRecovery } from '../senders/sender-recovery';
import { BlockFileError } from './errors';
import { type FileBlock, readBlockFile } from './read-block-file';

/** How far an import has got; given to the progress sink as it goes and at the end. */
export interface ImportProgress {
  /** Blocks read from the file so far (imported or already known). */
  readonly blocks: number;
  /** Of those, blocks that were already in the store. */
  readonly known: number;
  /** Gas used by the blocks imported so far. */
  readonly gasUsed: bigint;
  readonly elapsedMs: number;
  readonly head: BlockHeader;
  /** Bytes of the file read up to the last block. */
  readonly bytesRead: number;
}

/** The first block that could not be imported: its number and hash where it decoded, and why. */
export interface ImportFailure {
  readonly index: number;
  readonly number?: bigint;
  readonly hash?: string;
  readonly code: string;
  readonly reason: string;
}

export interface ImportSummary extends ImportProgress {
  /** Present when the import stopped at an invalid block; every block before it stays imported. */
  readonly failure?: ImportFailure;
}

export interface ImportOptions {
  /** Told of progress at most every `progressIntervalMs` (default 1000) and once at the end. */
  readonly onProgress?: (progress: ImportProgress) => void;
  readonly progressIntervalMs?: number;
  /** Stops the import between blocks. */
  readonly signal?: AbortSignal;
  /**
   * Recovers each block's senders before it executes (a native backend, say); without it they
   * are recovered one by one as the block executes, with @cairn/common's secp256k1.
   */
  readonly senders?: SenderRecovery;
}

/**
 * Imports the blocks of `blocks` in order into `chain`, each in its own atomic write, so that an
 * interruption keeps every block before it. Blocks already stored are skipped (an import can be
 * run again after a crash and resumes). The first invalid block stops the import and is
 * reported with its number, hash and reason.
 */
export async function importBlocks(chain: Blockchain, blocks: AsyncIterable<FileBlock>, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const interval = options.progressIntervalMs ?? 1000;
  let lastReport = started;
  let count = 0;
  let known = 0;
  let gasUsed = 0n;
  let bytesRead = 0;
  const progress = (): ImportProgress => ({ blocks: count, known, gasUsed, elapsedMs: performance.now() - started, head: chain.head.header, bytesRead });
  const iterator = blocks[Symbol.asyncIterator]();
  while (!options.signal?.aborted) {
    let next: IteratorResult<FileBlock>;
    try {
      next = await iterator.next();
    } catch (error) {
      if (!(error instanceof BlockFileError)) throw error;
      return { ...progress(), failure: { index: error.index, code: error.code, reason: error.message } };
    }
    if (next.done) break;
    const { block, index } = next.value;
    try {
      await options.senders?.recover(block.transactions);
      const result = await chain.importBlock(block);
      if (result.status === 'known') known++;
      else gasUsed += result.gasUsed;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'string') throw error;
      await iterator.return?.(undefined);
      return { ...progress(), failure: { index, number: block.header.number, hash: bytesToHex(block.hash()), code, reason: (error as Error).message } };
    }
    count++;
    bytesRead = next.value.end;
    const now = performance.now();
    if (options.onProgress && now - lastReport >= interval) {
      lastReport = now;
      options.onProgress(progress());
    }
  }
  const summary = progress();
  options.onProgress?.(summary);
  return summary;
}

/** `importBlocks` over the blocks of a file of concatenated RLP blocks. */
export function importBlockFile(chain: Blockchain, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
  return importBlocks(chain, readBlockFile(path), options);
}
