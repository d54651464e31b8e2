/**
 * What Cairn's rejection of a transaction must look like for each exception name the
 * TransactionTests fixtures give: the error code, and where the fixture names one, the field.
 * A rejection for another reason than the file states is a failure, not a pass.
 */
export interface ExpectedRejection {
  readonly code: string;
  /** The fields (`DecodeError.field`, `TransactionError.field`) the error may name; any when absent. */
  readonly fields?: readonly (string | RegExp)[];
}

const rlp: ExpectedRejection[] = [{ code: 'INVALID_RLP' }];
const at = (code: string, ...fields: (string | RegExp)[]): ExpectedRejection[] => [{ code, fields }];

export const TX_EXCEPTIONS: Readonly<Record<string, readonly ExpectedRejection[]>> = {
  // Bytes that are not canonical RLP.
  RLP_Error_EOF: rlp,
  RLP_Error_RLP_Size: rlp,
  RLP_Error_Size_Information: rlp,
  LeadingZerosDataSize: rlp, // a length prefix with a leading zero byte
  LeadingZerosNonceSize: rlp, // a single byte below 0x80 wrapped in a string prefix
  // RLP of the wrong shape for a transaction.
  RLP_TooFewElements: [{ code: 'FIELD_COUNT' }],
  RLP_TooManyElements: [{ code: 'FIELD_COUNT' }],
  TR_TypeNotSupported: [{ code: 'TYPE_NOT_SUPPORTED' }, { code: 'UNKNOWN_TX_TYPE' }, { code: 'INVALID_ENVELOPE' }],
  TR_BlobDecodeError: [{ code: 'INVALID_ENVELOPE' }],
  InvalidNonce: at('FIELD_NOT_BYTES', 'nonce'),
  InvalidGasLimit5: at('FIELD_NOT_BYTES', 'gasLimit'),
  InvalidData: at('FIELD_NOT_BYTES', 'data'),
  InvalidTo: at('FIELD_NOT_BYTES', 'to'),
  InvalidR: at('FIELD_NOT_BYTES', 'r'),
  InvalidS: at('FIELD_NOT_BYTES', 's'),
  LeadingZerosNonce: at('LEADING_ZEROS', 'nonce'),
  LeadingZerosGasLimit: at('LEADING_ZEROS', 'gasLimit'),
  LeadingZerosGasPrice: at('LEADING_ZEROS', 'gasPrice'),
  LeadingZerosValue: at('LEADING_ZEROS', 'value'),
  LeadingZerosR: at('LEADING_ZEROS', 'r'),
  LeadingZerosS: at('LEADING_ZEROS', 's'),
  LeadingZerosV: at('LEADING_ZEROS', 'v'),
  '1559LeadingZerosBaseFee': at('LEADING_ZEROS', 'maxFeePerGas'),
  '1559LeadingZerosPriorityFee': at('LEADING_ZEROS', 'maxPriorityFeePerGas'),
  NonceTooLong: at('FIELD_TOO_LONG', 'nonce'),
  InvalidGasLimit4: at('FIELD_TOO_LONG', 'gasLimit'),
  AddressTooLong: at('FIELD_TOO_LONG', 'to'),
  AddressTooShort: at('FIELD_TOO_SHORT', 'to'),
  '2930AccessListAddressTooLong': at('FIELD_TOO_LONG', /^accessList\[\d+\]\.address$/),
  '2930AccessListAddressTooShort': at('FIELD_TOO_SHORT', /^accessList\[\d+\]\.address$/),
  '2930AccessListStorageHashTooLong': at('FIELD_TOO_LONG', /^accessList\[\d+\]\.storageKeys\[\d+\]$/),
  '2930AccessListStorageHashTooShort': at('FIELD_TOO_SHORT', /^accessList\[\d+\]\.storageKeys\[\d+\]$/),
  // Rules of the fork.
  InvalidVRS: [{ code: 'INVALID_SIGNATURE' }],
  ECRecoveryFail: [{ code: 'SENDER_RECOVERY_FAILED' }],
  InvalidChainID: [{ code: 'INVALID_CHAIN_ID' }],
  NonceMax: at('NONCE_MAX', 'nonce'),
  InvalidGasPrice: at('VALUE_TOO_LARGE', 'gasPrice', 'maxFeePerGas'),
  InvalidMaxPriorityFeePerGas: at('VALUE_TOO_LARGE', 'maxPriorityFeePerGas'),
  InvalidValue: at('VALUE_TOO_LARGE', 'value'),
  '1559PriorityFeeGreaterThanBaseFee': [{ code: 'PRIORITY_FEE_ABOVE_MAX_FEE' }],
  GasLimitPriceProductOverflow: [{ code: 'GAS_COST_OVERFLOW' }],
  TR_IntrinsicGas: [{ code: 'INTRINSIC_GAS_TOO_LOW' }],
  TR_InitCodeLimitExceeded: [{ code: 'INIT_CODE_TOO_LARGE' }],
};

/** Whether an error with this code and field is a rejection the fixture's exception allows. */
export function rejectionMatches(expected: readonly ExpectedRejection[], code: string, field: string | undefined): boolean {
  return expected.some(
    (e) => e.code === code && (e.fields === undefined || (field !== undefined && e.fields.some((f) => (typeof f === 'string' ? f === field : f.test(field))))),
  );
}
