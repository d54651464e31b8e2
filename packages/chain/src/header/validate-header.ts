import { equalBytes, type ForkRules, GAS_PER_BLOB, nextExcessBlobGas } from '@cairn/common';
import { BlockError } from '../errors';
import { nextBaseFee } from './base-fee';
import { calculateDifficulty } from './difficulty';
import { validateGasLimit } from './gas-limit';
import type { BlockHeader, HeaderFields } from './header';
import { EMPTY_OMMERS_HASH } from './ommers';

/** The most bytes of extra data a header may carry. */
export const MAX_EXTRA_DATA_BYTES = 32;

export interface HeaderValidationOptions {
  /**
   * The difficulty a proof-of-work header must have; by default the Ethash formula
   * (`calculateDifficulty`). An engine with its own rule (Clique's 1 or 2) passes it here.
   * Not used from the Merge on, where the difficulty must be zero.
   */
  readonly expectedDifficulty?: (header: BlockHeader, parent: BlockHeader, rules: ForkRules) => bigint;
  /**
   * The DAO fork block of a chain that took the DAO fork (mainnet: 1920000): its first ten
   * blocks must carry the extra data "dao-hard-fork", so that chains that did not follow stay apart.
   */
  readonly daoForkBlock?: bigint;
}

/** The extra data of the DAO fork block and the nine after it. */
export const DAO_FORK_EXTRA_DATA = new TextEncoder().encode('dao-hard-fork');
const DAO_FORK_EXTRA_RANGE = 10n;

/** Each header field a fork added, with the EIP that requires it. */
const FORK_FIELDS: readonly (readonly [field: keyof HeaderFields, eip: number])[] = [
  ['baseFeePerGas', 1559],
  ['withdrawalsRoot', 4895],
  ['blobGasUsed', 4844],
  ['excessBlobGas', 4844],
  ['parentBeaconBlockRoot', 4788],
];

const fail = (code: ConstructorParameters<typeof BlockError>[0], message: string, field: string): never => {
  throw new BlockError(code, message, field);
};

function validateForkFields(header: BlockHeader, rules: ForkRules): void {
  for (const [field, eip] of FORK_FIELDS) {
    const present = header[field] !== undefined;
    if (rules.has(eip) && !present) fail('MISSING_FIELD', `${field} is required from EIP-${eip} (${rules})`, field);
    if (!rules.has(eip) && present) fail('UNEXPECTED_FIELD', `${field} does not exist before EIP-${eip} (${rules})`, field);
  }
}

function validateBlobGas(header: BlockHeader, parent: BlockHeader, rules: ForkRules): void {
  const params = rules.blobParams;
  if (!params || header.blobGasUsed === undefined) return;
  const max = BigInt(params.max) * GAS_PER_BLOB;
  if (header.blobGasUsed > max || header.blobGasUsed % GAS_PER_BLOB !== 0n) {
    fail('INVALID_BLOB_GAS_USED', `blob gas used ${header.blobGasUsed} is not a multiple of ${GAS_PER_BLOB} up to ${max}`, 'blobGasUsed');
  }
  // The first Cancun block's parent has neither field: both count as zero.
  const expected = nextExcessBlobGas(parent.excessBlobGas ?? 0n, parent.blobGasUsed ?? 0n, params);
  if (header.excessBlobGas !== expected) fail('INVALID_EXCESS_BLOB_GAS', `excess blob gas ${header.excessBlobGas}, expected ${expected}`, 'excessBlobGas');
}

function validateConsensusFields(header: BlockHeader, parent: BlockHeader, rules: ForkRules, options: HeaderValidationOptions): void {
  if (rules.has(3675)) {
    // The Merge (EIP-3675): proof-of-work fields are constants.
    if (header.difficulty !== 0n) fail('INVALID_DIFFICULTY', `difficulty must be 0 after the Merge, got ${header.difficulty}`, 'difficulty');
    if (header.nonce.some((b) => b !== 0)) fail('INVALID_NONCE', 'nonce must be zero after the Merge', 'nonce');
    if (!equalBytes(header.ommersHash, EMPTY_OMMERS_HASH)) fail('INVALID_OMMERS_HASH', 'a block after the Merge has no ommers', 'ommersHash');
    return;
  }
  const expected = options.expectedDifficulty
    ? options.expectedDifficulty(header, parent, rules)
    : calculateDifficulty(rules, header.number, header.timestamp, parent);
  if (header.difficulty !== expected) fail('INVALID_DIFFICULTY', `difficulty ${header.difficulty}, expected ${expected}`, 'difficulty');
}

/**
 * Checks everything about `header` that its parent and the fork's rules decide, without
 * executing the block or checking its seal: the fields of the fork are present (and no later
 * ones), number, parent hash and timestamp follow the parent, extra data is at most 32 bytes,
 * the DAO fork's extra data where asked for, the gas limit moves within bounds, gas used is within it, the base fee (EIP-1559) and excess
 * blob gas (EIP-4844) are the ones the parent implies, blob gas used is whole blobs within the
 * fork's maximum, and the difficulty is the proof-of-work one, or zero with a zero nonce and no
 * ommers after the Merge. Throws `BlockError`.
 */
export function validateHeader(header: BlockHeader, parent: BlockHeader, rules: ForkRules, options: HeaderValidationOptions = {}): void {
  if (header.number !== parent.number + 1n) fail('INVALID_NUMBER', `block number ${header.number} does not follow the parent's ${parent.number}`, 'number');
  if (!equalBytes(header.parentHash, parent.hash())) fail('INVALID_PARENT_HASH', "parent hash is not the parent's hash", 'parentHash');
  if (header.timestamp <= parent.timestamp) {
    fail('INVALID_TIMESTAMP', `timestamp ${header.timestamp} is not after the parent's ${parent.timestamp}`, 'timestamp');
  }
  if (header.extraData.length > MAX_EXTRA_DATA_BYTES) {
    fail('EXTRA_DATA_TOO_LONG', `extra data of ${header.extraData.length} bytes exceeds ${MAX_EXTRA_DATA_BYTES}`, 'extraData');
  }
  const dao = options.daoForkBlock;
  if (dao !== undefined && header.number >= dao && header.number < dao + DAO_FORK_EXTRA_RANGE && !equalBytes(header.extraData, DAO_FORK_EXTRA_DATA)) {
    fail('INVALID_EXTRA_DATA', `block ${header.number} must carry the extra data "dao-hard-fork"`, 'extraData');
  }
  validateGasLimit(header, parent, rules);
  // The fork's fields after the gas limit: a pre-London header that carries a base fee and a
  // doubled limit is reported for the limit, as the reference tests name it.
  validateForkFields(header, rules);
  if (header.gasUsed > header.gasLimit) fail('GAS_USED_ABOVE_LIMIT', `gas used ${header.gasUsed} exceeds the gas limit ${header.gasLimit}`, 'gasUsed');
  if (header.baseFeePerGas !== undefined) {
    const expected = nextBaseFee(parent);
    if (header.baseFeePerGas !== expected) fail('INVALID_BASE_FEE', `base fee ${header.baseFeePerGas}, expected ${expected}`, 'baseFeePerGas');
  }
  validateBlobGas(header, parent, rules);
  validateConsensusFields(header, parent, rules, options);
}
