import { bytesToHex, equalBytes } from '@cairn/common';
import type { BlockHeader } from '../header/header';
import { receiptsRoot } from '../block/roots';
import { BlockError } from '../errors';
import type { BlockExecution } from './block-processor';

/**
 * Checks what executing a block produced against what its header says, in the order geth
 * reports it: gas used, logs bloom, receipts root. The state root is checked once the changes
 * are committed. Throws `BlockError`.
 */
export async function validateExecution(header: BlockHeader, execution: BlockExecution): Promise<void> {
  if (execution.gasUsed !== header.gasUsed) {
    throw new BlockError('INVALID_GAS_USED', `the transactions used ${execution.gasUsed} gas, the header says ${header.gasUsed}`, 'gasUsed');
  }
  if (!equalBytes(execution.logsBloom, header.logsBloom)) throw new BlockError('INVALID_LOGS_BLOOM', "the logs bloom differs from the header's", 'logsBloom');
  const root = await receiptsRoot(execution.receipts);
  if (!equalBytes(root, header.receiptsRoot)) {
    throw new BlockError('INVALID_RECEIPTS_ROOT', `receipts root ${bytesToHex(root)}, the header says ${bytesToHex(header.receiptsRoot)}`, 'receiptsRoot');
  }
}

/** Checks the state root after the block's changes are applied. */
export function validateStateRoot(header: BlockHeader, root: Uint8Array): void {
  if (!equalBytes(root, header.stateRoot)) {
    throw new BlockError('INVALID_STATE_ROOT', `state root ${bytesToHex(root)}, the header says ${bytesToHex(header.stateRoot)}`, 'stateRoot');
  }
}
