import { QUANTITY } from '../rlp/codecs';
import { ACCESS_LIST } from './layout';
import { LEGACY_LAYOUT } from './legacy';
import { defineTypedTransaction } from './typed';

/** EIP-2930 (Berlin): type 0x01, the legacy fields between a chain id and an access list. */
export const accessListTransactionType = defineTypedTransaction({
  type: 0x01,
  name: 'EIP-2930',
  eip: 2930,
  layout: [['chainId', QUANTITY], ...LEGACY_LAYOUT, ['accessList', ACCESS_LIST]],
});
