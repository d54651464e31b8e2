import { keccak256, rlpEncode, SignatureError } from '@cairn/common';
import { TransactionError } from '../errors';
import { readList, readQuantity } from '../rlp/fields';
import { BYTES, QUANTITY, UINT64 } from '../rlp/codecs';
import { decodeLayout, encodeLayout, type FieldLayout, OPTIONAL_ADDRESS } from './layout';
import type { SignedTransactionFields, TransactionType } from './types';

/** The fields of a legacy transaction before its signature; EIP-2930 wraps them in a chain id and an access list. */
export const LEGACY_LAYOUT: FieldLayout = [
  ['nonce', UINT64],
  ['gasPrice', QUANTITY],
  ['gasLimit', UINT64],
  ['to', OPTIONAL_ADDRESS],
  ['value', QUANTITY],
  ['data', BYTES],
];

/** The chain id an EIP-155 `v` encodes (v = chainId·2 + 35 + parity), or undefined for any other v. */
function chainIdOfV(v: bigint): bigint | undefined {
  return v >= 35n ? (v - 35n) >> 1n : undefined;
}

function vOf(tx: SignedTransactionFields): bigint {
  const { v } = tx.signature;
  if (v === undefined) throw new TransactionError('MISSING_FIELD', "a legacy transaction's signature needs v, not yParity", 'signature');
  return v;
}

/**
 * Legacy transactions: the bare RLP list `[nonce, gasPrice, gasLimit, to, value, data, v, r, s]`.
 * Before EIP-155 (Spurious Dragon) `v` is 27 or 28 and the signature covers the first six fields;
 * with EIP-155 it may also be chainId·2 + 35 or 36, and the signature then also covers
 * `[chainId, 0, 0]`.
 */
export const legacyTransactionType: TransactionType = {
  type: 0,
  name: 'legacy',
  allowedAt: () => true,
  decodeFields(payload) {
    const items = readList(payload, 'legacy transaction', 9);
    const fields = decodeLayout(items, LEGACY_LAYOUT);
    // A wide v is read, not refused: it names a chain (which validation then rejects).
    const v = readQuantity(items[6], 'v');
    const signature = { v, r: readQuantity(items[7], 'r'), s: readQuantity(items[8], 's') };
    return { ...fields, type: 0, chainId: chainIdOfV(v), signature } as unknown as SignedTransactionFields;
  },
  encodeFields(tx) {
    const { r, s } = tx.signature;
    return [...encodeLayout(tx, LEGACY_LAYOUT, 'legacy'), vOf(tx), r, s];
  },
  signingHash(tx) {
    const fields = encodeLayout(tx, LEGACY_LAYOUT, 'legacy');
    return keccak256(rlpEncode(tx.chainId === undefined ? fields : [...fields, tx.chainId, 0n, 0n]));
  },
  toTransactionSignature(tx, signature) {
    const parity = BigInt(signature.yParity);
    const v = tx.chainId === undefined ? 27n + parity : tx.chainId * 2n + 35n + parity;
    return { r: signature.r, s: signature.s, v };
  },
  recoveryId(tx) {
    const v = vOf(tx);
    if (v === 27n || v === 28n) return Number(v - 27n);
    if (v >= 35n) return Number((v - 35n) & 1n);
    throw new SignatureError(`legacy signature v must be 27, 28 or chainId*2+35/36, got ${v}`);
  },
  validate(tx, rules) {
    const v = vOf(tx);
    if (v === 27n || v === 28n) return;
    if (!rules.has(155)) throw new SignatureError(`legacy signature v must be 27 or 28 before EIP-155, got ${v}`);
    // 0 and 1 are bare recovery ids, which geth treats as an unprotected (pre-EIP-155) v and
    // rejects as a bad signature; any other v is read as naming a chain.
    if (v === 0n || v === 1n) throw new SignatureError(`legacy signature v must be 27, 28 or chainId*2+35/36, got ${v}`);
    const chainId = chainIdOfV(v);
    if (chainId !== rules.chainId) {
      throw new TransactionError('INVALID_CHAIN_ID', `legacy signature v = ${v} does not sign for chain ${rules.chainId}`, 'chainId');
    }
  },
};
