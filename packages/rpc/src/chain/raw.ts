import type { BlockView, HeaderView, ReceiptView, TransactionView } from './views';

/** The consensus encodings the debug_getRaw* methods return, from the chain package's codecs. */
export interface RawEncoder {
  header(header: HeaderView): Uint8Array;
  block(block: BlockView): Uint8Array;
  /** EIP-2718 receipt encoding: the bare RLP list for legacy receipts, `type ‖ rlp` for typed ones. */
  receipt(receipt: ReceiptView): Uint8Array;
  /** EIP-2718 transaction encoding, as eth_sendRawTransaction takes it. */
  transaction(transaction: TransactionView): Uint8Array;
}
