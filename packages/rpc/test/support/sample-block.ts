import { Block, type BlockHeader, logsBloom, type Receipt, signTransaction, type Transaction, type UnsignedTransaction } from '@cairn/chain';
import { privateKeyToAddress } from '@cairn/common';
import { MemoryChain } from './memory-chain';

export const SENDER_KEY = new Uint8Array(32).fill(0x11);
export const SENDER = privateKeyToAddress(SENDER_KEY);
export const TOKEN = new Uint8Array(20).fill(0x70);
export const TRANSFER_TOPIC = new Uint8Array(32).fill(0x77);

/** One unsigned transaction of each type: legacy (EIP-155, chain 1337), access list, 1559 create, blob. */
export const SAMPLE_TRANSACTIONS: UnsignedTransaction[] = [
  { type: 0, chainId: 1337n, nonce: 0n, gasPrice: 20n, gasLimit: 21000n, to: TOKEN, value: 5n, data: new Uint8Array() },
  { type: 1, chainId: 1337n, nonce: 1n, gasPrice: 10n, gasLimit: 30000n, to: TOKEN, value: 0n, data: Uint8Array.of(1), accessList: [{ address: TOKEN, storageKeys: [new Uint8Array(32)] }] },
  { type: 2, chainId: 1337n, nonce: 2n, maxFeePerGas: 100n, maxPriorityFeePerGas: 3n, gasLimit: 60000n, value: 0n, data: Uint8Array.of(0x60), accessList: [] },
  {
    type: 3,
    chainId: 1337n,
    nonce: 3n,
    maxFeePerGas: 9n,
    maxPriorityFeePerGas: 5n,
    gasLimit: 21000n,
    to: TOKEN,
    value: 0n,
    data: new Uint8Array(),
    accessList: [],
    maxFeePerBlobGas: 4n,
    blobVersionedHashes: [new Uint8Array(32).fill(1), new Uint8Array(32).fill(2)],
  },
];

/** The transactions signed by SENDER_KEY. */
export function signed(transactions: UnsignedTransaction[] = SAMPLE_TRANSACTIONS): Transaction[] {
  return transactions.map((tx) => signTransaction(tx, SENDER_KEY));
}

/** Receipts for the sample transactions: cumulative gas, one Transfer log in the first and two in the third. */
export function sampleReceipts(): Receipt[] {
  const log = { address: TOKEN, topics: [TRANSFER_TOPIC], data: Uint8Array.of(9) };
  const receipt = (type: number, status: 0 | 1, cumulativeGasUsed: bigint, logs: (typeof log)[]): Receipt => ({
    type,
    status,
    cumulativeGasUsed,
    logsBloom: logsBloom(logs),
    logs,
  });
  return [receipt(0, 1, 21000n, [log]), receipt(1, 1, 45000n, []), receipt(2, 0, 100000n, [log, log]), receipt(3, 1, 121000n, [])];
}

/** A Cancun block holding the sample transactions, with one uncle and a withdrawal. */
export function sampleBlock(parent: BlockHeader): Block {
  const header = MemoryChain.header(parent, {
    logsBloom: logsBloom(sampleReceipts().flatMap((r) => r.logs)),
    gasUsed: 121000n,
    withdrawalsRoot: new Uint8Array(32),
    blobGasUsed: 262144n,
    excessBlobGas: 0n,
    parentBeaconBlockRoot: new Uint8Array(32),
  });
  return new Block(header, {
    transactions: signed(),
    ommers: [MemoryChain.header(undefined, { extraData: Uint8Array.of(0xee) })],
    withdrawals: [{ index: 1n, validatorIndex: 2n, address: SENDER, amount: 3n }],
  });
}

/** A block without transactions on top of `parent` (or a genesis block). */
export function emptyBlock(parent: BlockHeader | undefined, fields: Parameters<typeof MemoryChain.header>[1] = {}): Block {
  return new Block(MemoryChain.header(parent, fields), { transactions: [], ommers: [] });
}
