import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { ValueError } from '@cairn/common';
import type { Blockchain } from '../blockchain/blockchain';
import { ChainStoreError } from '../errors';

export interface ExportRange {
  /** First block number (default 0). */
  readonly start?: bigint;
  /** Last block number, included (default the head). */
  readonly end?: bigint;
}

/** What an export wrote. */
export interface ExportSummary {
  readonly blocks: number;
  readonly bytes: number;
  readonly start: bigint;
  readonly end: bigint;
}

/**
 * Writes the canonical blocks `start` to `end` of `chain` to `path` as concatenated RLP blocks
 * (the format `importBlockFile`, geth and Besu read), waiting for the file to drain as it goes.
 * A range past the head, or with `start` after `end`, throws `ValueError` before the file is created.
 */
export async function exportBlockFile(chain: Blockchain, path: string, range: ExportRange = {}): Promise<ExportSummary> {
  const head = chain.head.header.number;
  const start = range.start ?? 0n;
  const end = range.end ?? head;
  if (start < 0n || start > end) throw new ValueError(`the range ${start}..${end} is empty or negative`);
  if (end > head) throw new ValueError(`block ${end} is past the head ${head}`);
  const out = createWriteStream(path);
  let bytes = 0;
  try {
    for (let number = start; number <= end; number++) {
      const block = await chain.canonicalBlock(number);
      if (block === undefined) throw new ChainStoreError('MISSING_BLOCK', `canonical block ${number} is missing from the store`);
      const encoded = block.encode();
      bytes += encoded.length;
      if (!out.write(encoded)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return { blocks: Number(end - start + 1n), bytes, start, end };
}
