import { bytesToHex, ChainConfig, Fork, type ForkActivation, hexToBytes, keccak256, type RlpInput, rlpEncode } from '@cairn/common';
import type { BlockAnnouncement, BlockSink, BlockVerdict, ChainHeadInfo, ChainView, NewBlock, PeerRef, TxPoolView } from '../../src/index';

/** Mainnet's genesis header fields (Yellow Paper order); its hash is the well-known d4e567…8fa3. */
const MAINNET_GENESIS_HEADER: RlpInput = [
  new Uint8Array(32),
  hexToBytes('0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347'),
  new Uint8Array(20),
  hexToBytes('0xd7f8974fb5ac78d9ac099b9ad5018bedc2ce0a72dad1827a1709da30580f0544'),
  hexToBytes('0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421'),
  hexToBytes('0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421'),
  new Uint8Array(256),
  0x400000000n,
  0n,
  5000n,
  0n,
  0n,
  hexToBytes('0x11bbe8db4e347b4e8c937c1c8370e4b5ed33adb3db69cbdb7a38e1e50b1b82fa'),
  new Uint8Array(32),
  hexToBytes('0x0000000000000042'),
];

export const MAINNET_SCHEDULE: ForkActivation[] = [
  { fork: Fork.Homestead, block: 1150000n },
  { fork: Fork.DAO, block: 1920000n },
  { fork: Fork.TangerineWhistle, block: 2463000n },
  { fork: Fork.SpuriousDragon, block: 2675000n },
  { fork: Fork.Byzantium, block: 4370000n },
];

export interface TestBlock {
  readonly headerFields: RlpInput;
  readonly bodyFields: RlpInput[];
  readonly hash: Uint8Array;
  readonly number: bigint;
  readonly header: Uint8Array;
  readonly body: Uint8Array;
  readonly receipts: Uint8Array;
}

/** A child header of `parent` with a distinct extra-data so every test chain differs. */
function childHeader(parentHash: Uint8Array, number: bigint, salt: number): RlpInput {
  return [
    parentHash,
    hexToBytes('0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347'),
    new Uint8Array(20).fill(salt),
    new Uint8Array(32).fill(1),
    hexToBytes('0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421'),
    hexToBytes('0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421'),
    new Uint8Array(256),
    0x400000000n,
    number,
    5000n,
    0n,
    number * 15n,
    new Uint8Array([salt]),
    new Uint8Array(32),
    new Uint8Array(8),
  ];
}

/**
 * An in-memory chain for the tests: mainnet's real genesis header followed by `length`
 * synthetic blocks (so Status and fork ids are mainnet's), each body holding one legacy-shaped
 * transaction list item so that bodies are not all alike.
 */
export class MemoryChain implements ChainView {
  readonly networkId = 1n;
  readonly genesisTimestamp = 0n;
  readonly chainConfig = new ChainConfig({ chainId: 1n, schedule: MAINNET_SCHEDULE, consensus: { engine: 'ethash' } });
  readonly blocks: TestBlock[] = [];
  private readonly byHash = new Map<string, TestBlock>();

  constructor(length: number, salt = 7) {
    this.add(MAINNET_GENESIS_HEADER, 0);
    for (let n = 1; n <= length; n++) this.add(childHeader(this.blocks[n - 1].hash, BigInt(n), salt), n);
  }

  get genesisHash(): Uint8Array {
    return this.blocks[0].hash;
  }

  head(): ChainHeadInfo {
    const last = this.blocks.at(-1)!;
    return { hash: last.hash, number: last.number, timestamp: last.number * 15n, totalDifficulty: 0x400000000n * (last.number + 1n) };
  }

  async getHeaderByHash(hash: Uint8Array): Promise<Uint8Array | undefined> {
    return this.byHash.get(bytesToHex(hash))?.header;
  }

  async getHeaderByNumber(number: bigint): Promise<Uint8Array | undefined> {
    return this.blocks[Number(number)]?.header;
  }

  async getBody(hash: Uint8Array): Promise<Uint8Array | undefined> {
    return this.byHash.get(bytesToHex(hash))?.body;
  }

  async getReceipts(hash: Uint8Array): Promise<Uint8Array | undefined> {
    return this.byHash.get(bytesToHex(hash))?.receipts;
  }

  /** The whole block (`[header, txs, ommers]`) as NewBlock carries it. */
  encodedBlock(n: number): Uint8Array {
    const b = this.blocks[n];
    return rlpEncode([b.headerFields, ...b.bodyFields]);
  }

  private add(headerFields: RlpInput, n: number): void {
    const header = rlpEncode(headerFields);
    const bodyFields: RlpInput[] = [[[BigInt(n), new Uint8Array([n & 0xff])]], []];
    const receipts = rlpEncode([[1n, BigInt(21000 * n), new Uint8Array(256), []]]);
    const block = { headerFields, bodyFields, hash: keccak256(header), number: BigInt(n), header, body: rlpEncode(bodyFields), receipts };
    this.blocks.push(block);
    this.byHash.set(bytesToHex(block.hash), block);
  }
}

/** A transaction pool in memory that accepts whatever it is given. */
export class MemoryTxPool implements TxPoolView {
  readonly txs = new Map<string, Uint8Array>();
  readonly received: { txs: readonly Uint8Array[]; from: PeerRef }[] = [];

  has(hash: Uint8Array): boolean {
    return this.txs.has(bytesToHex(hash));
  }

  getTransactions(hashes: readonly Uint8Array[]): Uint8Array[] {
    return hashes.flatMap((h) => this.txs.get(bytesToHex(h)) ?? []);
  }

  addRemoteTransactions(txs: readonly Uint8Array[], from: PeerRef): void {
    this.received.push({ txs, from });
    for (const tx of txs) this.txs.set(bytesToHex(keccak256(tx)), tx);
  }

  addLocal(tx: Uint8Array): void {
    this.txs.set(bytesToHex(keccak256(tx)), tx);
  }
}

/** A block sink that records what arrives and judges blocks with `judge`. */
export class RecordingBlockSink implements BlockSink {
  readonly blocks: NewBlock[] = [];
  readonly hashes: BlockAnnouncement[] = [];
  constructor(private readonly judge: (block: NewBlock) => BlockVerdict = () => ({ valid: true })) {}

  async onNewBlock(block: NewBlock): Promise<BlockVerdict> {
    this.blocks.push(block);
    return this.judge(block);
  }

  onNewBlockHashes(entries: readonly BlockAnnouncement[]): void {
    this.hashes.push(...entries);
  }
}
