import { exportBlockFile, type ExportSummary } from '@cairn/chain';
import type { Logger } from '../logging/logger';
import { type ChainLocation, openChain } from './open-chain';

/** `cairn blocks export --to FILE [--start N] [--end M]` with the resolved `--genesis-file` and `--data-path`. */
export interface BlocksExportArgs extends ChainLocation {
  readonly to: string;
  readonly start?: bigint;
  readonly end?: bigint;
}

/**
 * Writes the canonical blocks `start` (default 0) to `end` (default the head) of the chain under
 * the data path to a file of concatenated RLP blocks, which `blocks import`, geth and Besu read.
 */
export async function runBlocksExport(args: BlocksExportArgs, logger: Logger): Promise<ExportSummary> {
  const { chain, close } = await openChain(args);
  try {
    const summary = await exportBlockFile(chain, args.to, { start: args.start, end: args.end });
    logger.info(`exported blocks ${summary.start} to ${summary.end} (${summary.blocks} blocks, ${summary.bytes} bytes) to ${args.to}`);
    return summary;
  } finally {
    await close();
  }
}
