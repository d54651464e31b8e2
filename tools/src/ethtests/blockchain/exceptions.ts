/**
 * The fixture's exception names for invalid blocks, mapped to the codes Cairn may reject them
 * with. A block is rejected as `BlockError`; where it wraps a transaction's error
 * (`INVALID_TRANSACTION`) or an ommer's (`INVALID_OMMER`), the code of the cause counts too.
 * Several names allow more than one code where the fixture names two reasons at once (`…OR…`)
 * or where the same fault is caught under another name by an earlier check.
 */
const MERGE_RULES = ['INVALID_DIFFICULTY', 'INVALID_NONCE', 'INVALID_OMMERS_HASH', 'INVALID_MERGE_TRANSITION'];

const BLOCK_EXCEPTIONS: Readonly<Record<string, readonly string[]>> = {
  // Transactions (the block's own rules or the sender's state).
  TR_IntrinsicGas: ['INTRINSIC_GAS_TOO_LOW'],
  IntrinsicGas: ['INTRINSIC_GAS_TOO_LOW'],
  TR_NoFunds: ['INSUFFICIENT_FUNDS'],
  TR_NoFundsOrGas: ['INSUFFICIENT_FUNDS', 'GAS_LIMIT_EXCEEDS_BLOCK', 'INTRINSIC_GAS_TOO_LOW'],
  TR_FeeCapLessThanBlocks: ['FEE_CAP_BELOW_BASE_FEE'],
  TR_FeeCapLessThanBlocksORNoFunds: ['FEE_CAP_BELOW_BASE_FEE', 'INSUFFICIENT_FUNDS'],
  TR_FeeCapLessThanBlocksORGasLimitReached: ['FEE_CAP_BELOW_BASE_FEE', 'GAS_LIMIT_EXCEEDS_BLOCK'],
  TR_GasLimitReached: ['GAS_LIMIT_EXCEEDS_BLOCK'],
  TR_TipGtFeeCap: ['PRIORITY_FEE_ABOVE_MAX_FEE', 'TIP_ABOVE_FEE_CAP'],
  TR_NonceTooLow: ['NONCE_TOO_LOW'],
  TR_NonceTooHigh: ['NONCE_TOO_HIGH'],
  TR_TypeNotSupported: ['TYPE_NOT_SUPPORTED'],
  SenderNotEOAorNoCASH: ['SENDER_NOT_EOA', 'INSUFFICIENT_FUNDS'],
  InvalidTransactionVRS: ['INVALID_SIGNATURE', 'SENDER_RECOVERY_FAILED', 'INVALID_CHAIN_ID'],
  // v7.0.0's name for a transaction without the gas its creation needs before any code runs.
  OutOfGas: ['INTRINSIC_GAS_TOO_LOW'],
  // Headers.
  InvalidGasLimit: ['INVALID_GAS_LIMIT'],
  InvalidGasLimit2: ['INVALID_GAS_LIMIT'],
  InvalidTimestampOlderParent: ['INVALID_TIMESTAMP'],
  InvalidNumber: ['INVALID_NUMBER'],
  ExtraDataIncorrectDAO: ['INVALID_EXTRA_DATA'],
  ExtraDataTooBig: ['EXTRA_DATA_TOO_LONG'],
  InvalidDifficulty: ['INVALID_DIFFICULTY'],
  TooMuchGasUsed: ['GAS_USED_ABOVE_LIMIT'],
  UnknownParent: ['UNKNOWN_PARENT'],
  UnknownParent2: ['UNKNOWN_PARENT'],
  InvalidBlockMixHash: ['INVALID_SEAL'],
  InvalidBlockNonce: ['INVALID_SEAL'],
  '1559BlockImportImpossible_BaseFeeWrong': ['INVALID_BASE_FEE'],
  // A header (or an ommer's) whose fields are not those of its fork.
  '1559BlockImportImpossible_HeaderIsLegacy': ['MISSING_FIELD', 'UNEXPECTED_FIELD'],
  LegacyBlockImportImpossible: ['UNEXPECTED_FIELD', 'MISSING_FIELD'],
  LegacyBlockImportImpossible2: ['UNEXPECTED_FIELD', 'MISSING_FIELD'],
  // A block laid out for another fork: its header's fields, or a body that does not match them.
  ShanghaiBlockImportImpossible: ['UNEXPECTED_FIELD', 'MISSING_FIELD', 'FIELD_COUNT'],
  ParisBlockImportImpossible: ['UNEXPECTED_FIELD', 'MISSING_FIELD', 'FIELD_COUNT'],
  PostParisUncleHashIsNotEmpty: ['INVALID_OMMERS_HASH'],
  PostParisDifficultyIsNot0: ['INVALID_DIFFICULTY'],
  // EIP-3675: a block on the wrong side of the Merge, or a proof-of-stake block with proof-of-work fields.
  '3675PreParis1559BlockRejected': MERGE_RULES,
  '3675PoSBlockRejected': MERGE_RULES,
  '3675PoWBlockRejected': MERGE_RULES,
  // Bodies and ommers.
  TooManyUncles: ['TOO_MANY_OMMERS'],
  InvalidUnclesHash: ['INVALID_OMMERS_HASH'],
  UncleIsAncestor: ['OMMER_IS_ANCESTOR'],
  UncleInChain: ['DUPLICATE_OMMER'],
  // The fixtures use this name for a sibling and for the same uncle given twice.
  UncleIsBrother: ['OMMER_PARENT_NOT_ANCESTOR', 'DUPLICATE_OMMER'],
  UncleParentIsNotAncestor: ['OMMER_PARENT_NOT_ANCESTOR'],
  InvalidUncleParentHash: ['OMMER_PARENT_NOT_ANCESTOR'],
  InvalidTransactionsRoot: ['INVALID_TRANSACTIONS_ROOT'],
  InvalidWithdrawals: ['INVALID_WITHDRAWALS_ROOT'],
  // Execution results.
  InvalidStateRoot: ['INVALID_STATE_ROOT'],
  InvalidGasUsed: ['INVALID_GAS_USED'],
  InvalidLogBloom: ['INVALID_LOGS_BLOOM'],
  InvalidReceiptsStateRoot: ['INVALID_RECEIPTS_ROOT'],
};

/** The codes of RLP that is malformed, or well-formed but not a block. */
const DECODE_CODES = ['INVALID_RLP', 'INVALID_HEX', 'INVALID_ENVELOPE', 'UNKNOWN_TX_TYPE', 'FIELD_COUNT', 'FIELD_NOT_BYTES', 'FIELD_NOT_LIST', 'LEADING_ZEROS', 'FIELD_TOO_LONG', 'FIELD_TOO_SHORT'];

/** Names of decoding failures: v7.0.0's `RLP_…` family and v13's unmarshalling errors. */
function isDecodeException(name: string): boolean {
  return name.startsWith('RLP_') || name.startsWith('INPUT_UNMARSHAL');
}

/** The codes allowed for the fixture's exception name, or undefined when the name is unknown. */
export function allowedCodes(name: string): readonly string[] | undefined {
  if (isDecodeException(name)) return DECODE_CODES;
  return Object.hasOwn(BLOCK_EXCEPTIONS, name) ? BLOCK_EXCEPTIONS[name] : undefined;
}

/** The codes an error carries: its own and those of its causes. */
export function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e !== undefined && e !== null; e = e.cause as typeof e) {
    if (typeof e.code === 'string') codes.push(e.code);
  }
  return codes;
}

/**
 * Blocks with two faults whose archives disagree on which one to name, because their fillers
 * checked in different orders: v7.0.0 names the transactions root of a block whose transaction
 * has a broken signature (v13.3 names the transaction for such blocks), and the gas used of a
 * header whose gas limit is zero (v13.3 names the limit). Cairn follows v13.3's order. For these
 * names the suite verifies on its own that the block has the fault the fixture names, and then
 * accepts the fault Cairn found first.
 */
export const VERIFIED_SECOND_FAULTS: ReadonlySet<string> = new Set(['InvalidTransactionsRoot', 'TooMuchGasUsed']);
