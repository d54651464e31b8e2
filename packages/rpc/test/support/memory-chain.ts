import { type Block, BlockHeader, type HeaderFields, type Receipt } from '@cairn/chain';
import { bytesToHex, equalBytes, keccak256, rlpEncode } from '@cairn/common';
import type { ChainReader, StateReader, StateView, TransactionLocation } from '../../src/chain/backend';

/** One account in the fake state. */
export interface FakeAccount {
  balance?: bigint;
  nonce?: bigint;
  code?: Uint8Array;
  storage?: Map<string, bigint>;
}

export type World = Map<string, FakeAccount>;

function accountState(world: World): StateView {
  const account = (address: Uint8Array) => world.get(bytesToHex(address)) ?? {};
  return {
    balance: async (a) => account(a).balance ?? 0n,
    nonce: async (a) => account(a).nonce ?? 0n,
    code: async (a) => account(a).code ?? new Uint8Array(),
    storage: async (a, slot) => account(a).storage?.get(bytesToHex(slot)) ?? 0n,
  };
}

const ZERO32 = new Uint8Array(32);

/**
 * An in-memory block store of real chain blocks with forks, a canonical chain, receipts,
 * transaction locations and a state per block that can be pruned: the fake the method tests run
 * against.
 */
export class MemoryChain implements ChainReader, StateReader {
  readonly #blocks = new Map<string, Block>();
  readonly #receipts = new Map<string, readonly Receipt[]>();
  readonly #states = new Map<string, World>();
  #canonical: Uint8Array[] = [];
  safeNumber?: bigint;
  finalizedNumber?: bigint;
  /** Numbers of the blocks whose receipts were read, in order, so tests can see what a query touched. */
  readonly receiptReads: bigint[] = [];

  /** A London header on top of `parent`, with `fields` overriding the defaults. */
  static header(parent: BlockHeader | undefined, fields: Partial<HeaderFields> = {}): BlockHeader {
    return new BlockHeader({
      parentHash: parent?.hash() ?? ZERO32,
      ommersHash: keccak256(rlpEncode([])),
      coinbase: new Uint8Array(20).fill(0xcb),
      stateRoot: ZERO32,
      transactionsRoot: ZERO32,
      receiptsRoot: ZERO32,
      logsBloom: new Uint8Array(256),
      difficulty: 0n,
      number: parent === undefined ? 0n : parent.number + 1n,
      gasLimit: 30_000_000n,
      gasUsed: 0n,
      timestamp: parent === undefined ? 1_700_000_000n : parent.timestamp + 12n,
      extraData: new Uint8Array(),
      mixHash: ZERO32,
      nonce: new Uint8Array(8),
      baseFeePerGas: 7n,
      ...fields,
    });
  }

  /** Stores a block with its receipts and the state after it; `canonical` extends the canonical chain. */
  add(block: Block, receipts: readonly Receipt[] = [], world: World = new Map(), canonical = true): Block {
    const key = bytesToHex(block.hash());
    this.#blocks.set(key, block);
    this.#receipts.set(key, receipts);
    this.#states.set(key, world);
    if (canonical) this.#canonical[Number(block.header.number)] = block.hash();
    return block;
  }

  /** Forgets the state of every block below `number`, as pruning does. */
  pruneStatesBelow(number: bigint): void {
    for (const [key, block] of this.#blocks) if (block.header.number < number) this.#states.delete(key);
  }

  async head() {
    return this.#header(this.#canonical[this.#canonical.length - 1])!;
  }
  async safe() {
    return this.safeNumber === undefined ? undefined : this.headerByNumber(this.safeNumber);
  }
  async finalized() {
    return this.finalizedNumber === undefined ? undefined : this.headerByNumber(this.finalizedNumber);
  }
  async headerByNumber(number: bigint) {
    return this.#header(this.#canonical[Number(number)]);
  }
  async headerByHash(hash: Uint8Array) {
    return this.#header(hash);
  }
  async blockByHash(hash: Uint8Array) {
    return this.#blocks.get(bytesToHex(hash));
  }
  async receipts(blockHash: Uint8Array) {
    const block = this.#blocks.get(bytesToHex(blockHash));
    if (block) this.receiptReads.push(block.header.number);
    return this.#receipts.get(bytesToHex(blockHash));
  }
  async transactionLocation(hash: Uint8Array): Promise<TransactionLocation | undefined> {
    for (const blockHash of this.#canonical) {
      const index = this.#blocks.get(bytesToHex(blockHash))!.transactions.findIndex((t) => equalBytes(t.hash(), hash));
      if (index >= 0) return { blockHash, index };
    }
    return undefined;
  }
  async stateAt(header: BlockHeader) {
    const world = this.#states.get(bytesToHex(header.hash()));
    return world === undefined ? undefined : accountState(world);
  }

  #header(hash: Uint8Array | undefined): BlockHeader | undefined {
    return hash === undefined ? undefined : this.#blocks.get(bytesToHex(hash))?.header;
  }
}
