import { concatBytes, type ForkRules, keccak256, rlpEncode, SignatureError } from '@cairn/common';
import { TransactionError } from '../errors';
import { readList, readQuantity } from '../rlp/fields';
import { decodeLayout, encodeLayout, type FieldLayout } from './layout';
import type { SignedTransactionFields, TransactionSignature, TransactionType, UnsignedTransaction } from './types';

/** What defines an EIP-2718 typed transaction whose signature is the trailing `[yParity, r, s]`. */
export interface TypedTransactionSpec {
  /** The type byte, 0x01-0x7f. */
  readonly type: number;
  readonly name: string;
  /** The EIP that introduces the type: blocks may hold it where the rules have this EIP. */
  readonly eip: number;
  /** The fields before the signature, in RLP order; the first must be `chainId`. */
  readonly layout: FieldLayout;
  /** Rules of this type beyond the chain id (blob limits, for example). */
  validate?(tx: SignedTransactionFields, rules: ForkRules): void;
}

/**
 * A transaction type from its field layout. Every typed transaction so far is signed the same
 * way: keccak(type ‖ rlp(fields)) with the recovery id carried as `yParity`, and its chain id
 * must be the chain's.
 */
export function defineTypedTransaction(spec: TypedTransactionSpec): TransactionType {
  if (!Number.isInteger(spec.type) || spec.type < 1 || spec.type > 0x7f) throw new RangeError(`typed transaction type ${spec.type} is not in 0x01-0x7f`);
  if (spec.layout[0]?.[0] !== 'chainId') throw new RangeError(`${spec.name} transactions must start with chainId`);
  const typeByte = Uint8Array.of(spec.type);
  const fieldCount = spec.layout.length + 3;
  const signatureOf = (tx: SignedTransactionFields) => {
    const { yParity, r, s } = tx.signature;
    if (yParity === undefined) throw new TransactionError('MISSING_FIELD', `a ${spec.name} transaction's signature needs yParity, not v`, 'signature');
    return { yParity, r, s };
  };

  return {
    type: spec.type,
    name: spec.name,
    allowedAt: (rules) => rules.has(spec.eip),
    decodeFields(payload) {
      const items = readList(payload, `${spec.name} transaction`, fieldCount);
      const fields = decodeLayout(items, spec.layout);
      const n = spec.layout.length;
      const yParity = readQuantity(items[n], 'yParity');
      if (yParity > 1n) throw new SignatureError(`signature yParity must be 0 or 1, got ${yParity}`);
      const signature: TransactionSignature = { yParity: Number(yParity), r: readQuantity(items[n + 1], 'r'), s: readQuantity(items[n + 2], 's') };
      return { ...fields, type: spec.type, signature } as unknown as SignedTransactionFields;
    },
    encodeFields(tx) {
      const { yParity, r, s } = signatureOf(tx);
      return [...encodeLayout(tx, spec.layout, spec.name), BigInt(yParity), r, s];
    },
    signingHash: (tx: UnsignedTransaction) => keccak256(concatBytes(typeByte, rlpEncode(encodeLayout(tx, spec.layout, spec.name)))),
    toTransactionSignature: (_tx, signature) => ({ r: signature.r, s: signature.s, yParity: signature.yParity }),
    recoveryId: (tx) => signatureOf(tx).yParity,
    validate(tx, rules) {
      if (tx.chainId !== rules.chainId) {
        throw new TransactionError('INVALID_CHAIN_ID', `transaction is for chain ${tx.chainId}, this chain is ${rules.chainId}`, 'chainId');
      }
      spec.validate?.(tx, rules);
    },
  };
}
