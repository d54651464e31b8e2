import { concatBytes, rlpEncode } from '@cairn/common';
import type { RawEncoder } from '../../src/chain/raw';
import type { BlockView, HeaderView, ReceiptView, TransactionView } from '../../src/chain/views';

const headerFields = (h: HeaderView) => [
  h.parentHash, h.ommersHash, h.beneficiary, h.stateRoot, h.transactionsRoot, h.receiptsRoot, h.logsBloom,
  h.difficulty, h.number, h.gasLimit, h.gasUsed, h.timestamp, h.extraData, h.mixHash, h.nonce,
  ...(h.baseFeePerGas === undefined ? [] : [h.baseFeePerGas]),
];

const txFields = (t: TransactionView) => [t.nonce, t.gasPrice ?? t.maxFeePerGas ?? 0n, t.gasLimit, t.to ?? new Uint8Array(), t.value, t.data];

/** Consensus encodings by the Yellow Paper's field order (enough of them for the debug methods' tests). */
export const rlpEncoder: RawEncoder = {
  header: (h) => rlpEncode(headerFields(h)),
  block: (b: BlockView) => rlpEncode([headerFields(b.header), b.transactions.map((r) => txFields(r.transaction)), b.ommers.map(headerFields)]),
  receipt: (r: ReceiptView) => {
    const list = rlpEncode([BigInt(r.status ?? 0), r.cumulativeGasUsed, r.logsBloom, r.logs.map((l) => [l.address, [...l.topics], l.data])]);
    return r.type === 0 ? list : concatBytes(Uint8Array.of(r.type), list);
  },
  transaction: (t) => (t.type === 0 ? rlpEncode(txFields(t)) : concatBytes(Uint8Array.of(t.type), rlpEncode(txFields(t)))),
};
