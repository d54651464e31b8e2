import { bytesToHex, rlpDecode, rlpEncode } from '@cairn/common';
import { type BatchWriter, type KeyValueSegment, type KeyValueStore, Segments, segment } from '@cairn/storage';
import { Block, type BlockBody, bodyToRlp, decodeBlockBody } from '../block/block';
import { type BlockHeader, decodeHeader } from '../header/header';
import { decodeReceiptFromRlp, type Receipt, receiptToRlp } from '../receipts/receipt';
import {
  canonicalKey,
  decodeLocation,
  decodeStoredList,
  decodeTotalDifficulty,
  encodeLocation,
  encodeTotalDifficulty,
  HEAD_KEY,
  type TransactionLocation,
  totalDifficultyKey,
  transactionKey,
} from './schema';

/** Recently read or written headers kept decoded (parents, BLOCKHASH look-backs, ommer ancestry). */
const HEADER_CACHE_SIZE = 1024;

/**
 * Blocks on a `KeyValueStore`: headers, bodies and receipts by block hash, the canonical
 * number-to-hash index, the transaction index, total difficulties and the head. Reads go to the
 * store (headers through a small cache); writes go into a caller's batch (`BlockStoreWriter`),
 * so that a block, its indexes and its state are written together or not at all.
 */
export class BlockStore {
  readonly #headers: KeyValueSegment;
  readonly #bodies: KeyValueSegment;
  readonly #receipts: KeyValueSegment;
  readonly #indexes: KeyValueSegment;
  readonly #metadata: KeyValueSegment;
  readonly #headerCache = new Map<string, BlockHeader>();

  constructor(readonly store: KeyValueStore) {
    this.#headers = segment(store, Segments.headers);
    this.#bodies = segment(store, Segments.bodies);
    this.#receipts = segment(store, Segments.receipts);
    this.#indexes = segment(store, Segments.indexes);
    this.#metadata = segment(store, Segments.metadata);
  }

  async header(hash: Uint8Array): Promise<BlockHeader | undefined> {
    const key = bytesToHex(hash);
    const cached = this.#headerCache.get(key);
    if (cached) return cached;
    const bytes = await this.#headers.get(hash);
    if (bytes === undefined) return undefined;
    const header = decodeHeader(bytes);
    this.remember(header);
    return header;
  }

  async body(hash: Uint8Array): Promise<BlockBody | undefined> {
    const bytes = await this.#bodies.get(hash);
    return bytes === undefined ? undefined : decodeBlockBody(rlpDecode(bytes));
  }

  async block(hash: Uint8Array): Promise<Block | undefined> {
    const [header, body] = await Promise.all([this.header(hash), this.body(hash)]);
    return header && body ? new Block(header, body) : undefined;
  }

  async receipts(hash: Uint8Array): Promise<Receipt[] | undefined> {
    const bytes = await this.#receipts.get(hash);
    return bytes === undefined ? undefined : decodeStoredList(bytes, 'receipts').map(decodeReceiptFromRlp);
  }

  async totalDifficulty(hash: Uint8Array): Promise<bigint | undefined> {
    const bytes = await this.#indexes.get(totalDifficultyKey(hash));
    return bytes === undefined ? undefined : decodeTotalDifficulty(bytes);
  }

  async canonicalHash(number: bigint): Promise<Uint8Array | undefined> {
    return this.#indexes.get(canonicalKey(number));
  }

  async transactionLocation(hash: Uint8Array): Promise<TransactionLocation | undefined> {
    const bytes = await this.#indexes.get(transactionKey(hash));
    return bytes === undefined ? undefined : decodeLocation(bytes);
  }

  /** The hash of the chain head, or undefined for a store without a chain yet. */
  async headHash(): Promise<Uint8Array | undefined> {
    return this.#metadata.get(HEAD_KEY);
  }

  /** Keeps a decoded header for later reads (called for headers about to be written). */
  remember(header: BlockHeader): void {
    const key = bytesToHex(header.hash());
    if (this.#headerCache.has(key)) return;
    if (this.#headerCache.size >= HEADER_CACHE_SIZE) this.#headerCache.delete(this.#headerCache.keys().next().value as string);
    this.#headerCache.set(key, header);
  }

  /** Writes into `batch` of the same store. */
  writer(batch: BatchWriter): BlockStoreWriter {
    return new BlockStoreWriter(
      this.#headers.within(batch),
      this.#bodies.within(batch),
      this.#receipts.within(batch),
      this.#indexes.within(batch),
      this.#metadata.within(batch),
    );
  }
}

/** The write side of a `BlockStore`, into one batch. */
export class BlockStoreWriter {
  constructor(
    private readonly headers: BatchWriter,
    private readonly bodies: BatchWriter,
    private readonly receipts: BatchWriter,
    private readonly indexes: BatchWriter,
    private readonly metadata: BatchWriter,
  ) {}

  /** The block, its receipts and its total difficulty (canonical or not). */
  putBlock(block: Block, receipts: readonly Receipt[], totalDifficulty: bigint): void {
    const hash = block.hash();
    this.headers.put(hash, block.header.encode());
    this.bodies.put(hash, rlpEncode(bodyToRlp(block)));
    this.receipts.put(hash, rlpEncode(receipts.map(receiptToRlp)));
    this.indexes.put(totalDifficultyKey(hash), encodeTotalDifficulty(totalDifficulty));
  }

  /** Makes `block` the canonical block at its number and indexes its transactions. */
  putCanonical(block: Block): void {
    const blockHash = block.hash();
    this.indexes.put(canonicalKey(block.header.number), blockHash);
    for (const [index, tx] of block.transactions.entries()) this.indexes.put(transactionKey(tx.hash()), encodeLocation({ blockHash, index }));
  }

  /** Takes a block off the canonical chain: its number's entry and its transactions' locations. */
  deleteCanonical(block: Block): void {
    this.indexes.del(canonicalKey(block.header.number));
    for (const tx of block.transactions) this.indexes.del(transactionKey(tx.hash()));
  }

  setHead(hash: Uint8Array): void {
    this.metadata.put(HEAD_KEY, hash);
  }
}
