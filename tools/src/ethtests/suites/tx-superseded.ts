/**
 * Cases where the v7.0.0 archive (2020) expects a transaction to be valid and v13.3 (2024)
 * rejects the same bytes, or replaced the test because its transaction breaks a rule added to
 * every fork since: nonces and gas limits are 64-bit (EIP-2681; gas limits as geth always read
 * them) and gasLimit · gasPrice must fit 256 bits. Cairn follows the current rules, so these
 * v7.0.0 cases are reported as skips with this reason, and only when Cairn rejects them with
 * exactly the `code` of the newer rule; any other outcome is still a failure.
 */
export interface SupersededCase {
  readonly file: string;
  readonly test: string;
  readonly code: string;
  readonly reason: string;
}

const OVERFLOW =
  'gasPrice 2^256-1 times gas limit 21000 overflows 256 bits: valid in v7.0.0; v13.3 lowered the gas price of this test and rejects the overflow (GasLimitPriceProductOverflow)';

export const TX_SUPERSEDED: readonly SupersededCase[] = [
  {
    file: 'TransactionTests/ttNonce/TransactionWithHighNonce256.json',
    test: 'TransactionWithHighNonce256',
    code: 'FIELD_TOO_LONG',
    reason: 'a 256-bit nonce: valid in v7.0.0; v13.3 rejects the same bytes as NonceTooLong (nonces are 64-bit, EIP-2681)',
  },
  {
    file: 'TransactionTests/ttGasLimit/TransactionWithGasLimitxPriceOverflow.json',
    test: 'TransactionWithGasLimitxPriceOverflow',
    code: 'FIELD_TOO_LONG',
    reason: 'a 256-bit gas limit: valid in v7.0.0; v13.3 rejects gas limits over 64 bits (TransactionWithGasLimitOverflow256: InvalidGasLimit4)',
  },
  { file: 'TransactionTests/ttGasPrice/TransactionWithHighGasPrice.json', test: 'TransactionWithHighGasPrice', code: 'GAS_COST_OVERFLOW', reason: OVERFLOW },
  { file: 'TransactionTests/ttVValue/V_equals38.json', test: 'V_equals38', code: 'GAS_COST_OVERFLOW', reason: OVERFLOW },
];
