import { keccak256, rlpEncode } from '@cairn/common';
import type { BlockView, HeaderView, ReceiptView, TransactionRecord, TransactionView } from '../../src/chain/views';
import { MemoryChain } from './memory-chain';

export const SENDER = new Uint8Array(20).fill(0x5e);
export const TOKEN = new Uint8Array(20).fill(0x70);
export const TRANSFER_TOPIC = new Uint8Array(32).fill(0x77);

const signature = { r: 1n, s: 2n, yParity: 1 } as const;

/** One transaction of each type: legacy (EIP-155, chain 1337), access list, 1559 create, blob. */
export const SAMPLE_TRANSACTIONS: TransactionView[] = [
  { type: 0, nonce: 0n, gasPrice: 20n, gasLimit: 21000n, to: TOKEN, value: 5n, data: new Uint8Array(), signature: { r: 1n, s: 2n, v: 2709n } },
  { type: 1, chainId: 1337n, nonce: 1n, gasPrice: 10n, gasLimit: 30000n, to: TOKEN, value: 0n, data: Uint8Array.of(1), accessList: [{ address: TOKEN, storageKeys: [new Uint8Array(32)] }], signature },
  { type: 2, chainId: 1337n, nonce: 2n, maxFeePerGas: 100n, maxPriorityFeePerGas: 3n, gasLimit: 60000n, value: 0n, data: Uint8Array.of(0x60), accessList: [], signature },
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
    signature,
  },
];

export function records(transactions: TransactionView[]): TransactionRecord[] {
  return transactions.map((transaction, i) => ({ transaction, hash: keccak256(rlpEncode([BigInt(i), transaction.nonce, transaction.gasLimit, transaction.value, transaction.gasPrice ?? transaction.maxFeePerGas ?? 0n])), sender: SENDER }));
}

/** Receipts for the sample transactions: cumulative gas, one Transfer log in the first and third. */
export function sampleReceipts(): ReceiptView[] {
  const bloom = new Uint8Array(256);
  const log = { address: TOKEN, topics: [TRANSFER_TOPIC], data: Uint8Array.of(9) };
  return [
    { type: 0, status: 1, cumulativeGasUsed: 21000n, logsBloom: bloom, logs: [log] },
    { type: 1, status: 1, cumulativeGasUsed: 45000n, logsBloom: bloom, logs: [] },
    { type: 2, status: 0, cumulativeGasUsed: 100000n, logsBloom: bloom, logs: [log, log] },
    { type: 3, status: 1, cumulativeGasUsed: 121000n, logsBloom: bloom, logs: [] },
  ];
}

/** A Cancun block holding the sample transactions, with one uncle and a withdrawal. */
export function sampleBlock(parent: HeaderView): Omit<BlockView, 'size'> {
  const header = MemoryChain.header(parent, { gasUsed: 121000n, excessBlobGas: 0n, blobGasUsed: 262144n, parentBeaconBlockRoot: new Uint8Array(32), withdrawalsRoot: new Uint8Array(32) });
  return {
    header,
    transactions: records(SAMPLE_TRANSACTIONS),
    ommers: [MemoryChain.header(undefined, { extraData: Uint8Array.of(0xee) })],
    withdrawals: [{ index: 1n, validatorIndex: 2n, address: SENDER, amount: 3n }],
  };
}
