import { statSync } from 'node:fs';
import { importBlockFile, type ImportSummary } from '@cairn/chain';
import { bytesToHex, ConfigError } from '@cairn/common';
import { createSenderRecovery } from '../crypto/native-sender-recovery';
import type { Logger } from '../logging/logger';
import { type ChainLocation, openChain } from './open-chain';
import { formatImportProgress } from './progress-bar';

/** `cairn blocks import --from FILE` with the resolved `--genesis-file` and `--data-path`. */
export interface BlocksImportArgs extends ChainLocation {
  readonly from: string;
}

/** Where a block command reports: log lines, and a progress line redrawn as it changes. */
export interface CommandOutput {
  readonly logger: Logger;
  readonly progress: (line: string) => void;
}

/**
 * Imports a file of concatenated RLP blocks (as geth and Besu export them) into the chain under
 * the data path, drawing a progress line about once a second. Blocks already stored are skipped,
 * so an interrupted import resumes. The first invalid block stops the import with its number,
 * hash and reason logged, keeping every block before it. Returns the exit code: 0 when every
 * block was imported, 1 when one was invalid.
 */
export async function runBlocksImport(args: BlocksImportArgs, output: CommandOutput): Promise<{ exitCode: number; summary: ImportSummary }> {
  const fileBytes = sizeOf(args.from);
  const { chain, close } = await openChain(args, output.logger);
  try {
    const senders = createSenderRecovery();
    output.logger.info(`importing ${args.from} (${fileBytes} bytes) onto head #${chain.head.header.number} ${bytesToHex(chain.head.hash())}, senders recovered with ${senders.backend}`);
    const summary = await importBlockFile(chain, args.from, { senders, onProgress: (progress) => output.progress(formatImportProgress(progress, fileBytes)) });
    const head = `head #${summary.head.number} ${bytesToHex(summary.head.hash())}`;
    if (summary.failure) {
      const { failure } = summary;
      const which = failure.number === undefined ? `block ${failure.index} of the file` : `block #${failure.number} ${failure.hash}`;
      output.logger.error(`invalid ${which}: ${failure.code}: ${failure.reason}; ${summary.blocks} blocks before it are imported, ${head}`);
      return { exitCode: 1, summary };
    }
    output.logger.info(`imported ${summary.blocks - summary.known} blocks (${summary.known} already stored), ${head}`);
    return { exitCode: 0, summary };
  } finally {
    await close();
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch (error) {
    throw new ConfigError(`--from: cannot read ${path}: ${(error as Error).message}`);
  }
}
