import { BYTES, QUANTITY, UINT64 } from '../rlp/codecs';
import { ACCESS_LIST, type FieldLayout, OPTIONAL_ADDRESS } from './layout';
import { defineTypedTransaction } from './typed';

/** The fields of an EIP-1559 transaction before its signature; EIP-4844 extends them. */
export const FEE_MARKET_LAYOUT: FieldLayout = [
  ['chainId', QUANTITY],
  ['nonce', UINT64],
  ['maxPriorityFeePerGas', QUANTITY],
  ['maxFeePerGas', QUANTITY],
  ['gasLimit', UINT64],
  ['to', OPTIONAL_ADDRESS],
  ['value', QUANTITY],
  ['data', BYTES],
  ['accessList', ACCESS_LIST],
];

/** EIP-1559 (London): type 0x02, with a fee cap and a priority fee in place of the gas price. */
export const feeMarketTransactionType = defineTypedTransaction({ type: 0x02, name: 'EIP-1559', eip: 1559, layout: FEE_MARKET_LAYOUT });
