import { type ForkRules, VERSIONED_HASH_VERSION_KZG } from '@cairn/common';
import { TransactionError } from '../errors';
import { readOptionalAddress } from '../rlp/fields';
import { FEE_MARKET_LAYOUT } from './eip1559';
import { type FieldCodec, QUANTITY } from '../rlp/codecs';
import { type FieldSpec, HASH_LIST } from './layout';
import { defineTypedTransaction } from './typed';
import type { SignedTransactionFields } from './types';

const noCreate = () => new TransactionError('BLOB_TX_CREATE', 'a blob transaction cannot create a contract: it needs a `to` address', 'to');

/** A blob transaction's recipient: required, since blob transactions cannot create contracts. */
const RECIPIENT: FieldCodec = {
  decode(value, field) {
    const to = readOptionalAddress(value, field);
    if (to === undefined) throw noCreate();
    return to;
  },
  encode(value) {
    if (value === undefined) throw noCreate();
    return value as Uint8Array;
  },
  optional: true, // so that a missing `to` reaches `encode` and gets the blob-specific error
};

function validateBlobs(tx: SignedTransactionFields, rules: ForkRules): void {
  const hashes = tx.blobVersionedHashes ?? [];
  if (hashes.length === 0) throw new TransactionError('NO_BLOBS', 'a blob transaction must carry at least one blob', 'blobVersionedHashes');
  const max = rules.blobParams?.max ?? 0;
  if (hashes.length > max) throw new TransactionError('TOO_MANY_BLOBS', `${hashes.length} blobs exceed the limit of ${max} per block`, 'blobVersionedHashes');
  hashes.forEach((hash, i) => {
    if (hash[0] !== VERSIONED_HASH_VERSION_KZG) {
      throw new TransactionError('INVALID_BLOB_VERSIONED_HASH', `blob versioned hash ${i} has version ${hash[0]}, expected ${VERSIONED_HASH_VERSION_KZG}`, `blobVersionedHashes[${i}]`);
    }
  });
}

/** EIP-4844 (Cancun): type 0x03, an EIP-1559 transaction that also pays for blobs. */
export const blobTransactionType = defineTypedTransaction({
  type: 0x03,
  name: 'EIP-4844',
  eip: 4844,
  layout: [
    // The EIP-1559 fields, with a `to` that is required.
    ...FEE_MARKET_LAYOUT.map(([name, codec]): FieldSpec => (name === 'to' ? ['to', RECIPIENT] : [name, codec])),
    ['maxFeePerBlobGas', QUANTITY],
    ['blobVersionedHashes', HASH_LIST],
  ],
  validate: validateBlobs,
});
