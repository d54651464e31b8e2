import { type Address, hexToBigInt, hexToBytes, privateKeyToAddress } from '@cairn/common';
import type { AccessListEntry, BlockEnv, MemoryState, TransactionEnv } from '@cairn/evm';

/** One GeneralStateTests test as the JSON holds it (every number is hex text). */
export interface StateTestJson {
  readonly _info?: Record<string, string>;
  readonly env: Record<string, string>;
  readonly pre: Record<string, { balance: string; code: string; nonce: string; storage: Record<string, string> }>;
  readonly transaction: {
    readonly data: string[];
    readonly gasLimit: string[];
    readonly value: string[];
    readonly nonce: string;
    readonly to: string;
    readonly secretKey: string;
    readonly gasPrice?: string;
    readonly maxFeePerGas?: string;
    readonly maxPriorityFeePerGas?: string;
    readonly accessLists?: ({ address: string; storageKeys: string[] }[] | null)[];
    readonly maxFeePerBlobGas?: string;
    readonly blobVersionedHashes?: string[];
  };
  readonly post: Record<string, PostCase[]>;
}

export interface PostCase {
  readonly indexes: { data: number; gas: number; value: number };
  readonly hash: string;
  readonly logs: string;
  readonly expectException?: string;
}

/**
 * A number in a fixture: hex, or retesteth's `0x:bigint 0x…` for values too wide for their field
 * (a value of 2^256 + 1, say), which the EVM must then reject.
 */
export function quantity(text: string): bigint {
  return hexToBigInt(text.startsWith('0x:bigint ') ? text.slice('0x:bigint '.length) : text);
}

/** Fills `state` with the test's pre-state. */
export function loadPreState(state: MemoryState, pre: StateTestJson['pre']): void {
  for (const [address, account] of Object.entries(pre)) {
    const storage = new Map<bigint, bigint>();
    for (const [slot, value] of Object.entries(account.storage)) storage.set(quantity(slot), quantity(value));
    state.setAccount(hexToBytes(address), { nonce: quantity(account.nonce), balance: quantity(account.balance), code: hexToBytes(account.code), storage });
  }
}

/** BLOCKHASH in state tests, as the reference filler defines it: keccak256 of the number in decimal. */
function testBlockHash(hash: (data: Uint8Array) => Uint8Array): (number: bigint) => Uint8Array {
  return (number) => hash(new TextEncoder().encode(number.toString()));
}

export function blockEnvOf(env: StateTestJson['env'], hash: (data: Uint8Array) => Uint8Array): BlockEnv {
  const optional = (key: string) => (env[key] === undefined ? undefined : quantity(env[key]));
  return {
    coinbase: hexToBytes(env.currentCoinbase),
    number: quantity(env.currentNumber),
    timestamp: quantity(env.currentTimestamp),
    gasLimit: quantity(env.currentGasLimit),
    difficulty: optional('currentDifficulty'),
    prevRandao: env.currentRandom === undefined ? undefined : hexToBytes(env.currentRandom),
    baseFee: optional('currentBaseFee'),
    excessBlobGas: optional('currentExcessBlobGas'),
    blockHash: testBlockHash(hash),
  };
}

/**
 * The transaction of one post case. Its type follows the fields, as the filler chose it: blob
 * hashes make a blob transaction, a fee cap a fee-market one, a (non-null) access list for this
 * data index an access-list one, and otherwise it is a legacy transaction.
 */
export function transactionOf(tx: StateTestJson['transaction'], indexes: PostCase['indexes']): TransactionEnv {
  const accessList = tx.accessLists?.[indexes.data] ?? undefined;
  const type = tx.blobVersionedHashes !== undefined ? 3 : tx.maxFeePerGas !== undefined ? 2 : accessList !== undefined ? 1 : 0;
  const optional = (text: string | undefined) => (text === undefined ? undefined : quantity(text));
  const entries: AccessListEntry[] = (accessList ?? []).map((e) => ({ address: hexToBytes(e.address), storageKeys: e.storageKeys.map(hexToBytes) }));
  return {
    type,
    sender: senderOf(tx.secretKey),
    to: tx.to === '' ? undefined : hexToBytes(tx.to),
    nonce: quantity(tx.nonce),
    value: quantity(tx.value[indexes.value]),
    data: hexToBytes(tx.data[indexes.data]),
    gasLimit: quantity(tx.gasLimit[indexes.gas]),
    gasPrice: optional(tx.gasPrice),
    maxFeePerGas: optional(tx.maxFeePerGas),
    maxPriorityFeePerGas: optional(tx.maxPriorityFeePerGas),
    accessList: entries,
    maxFeePerBlobGas: optional(tx.maxFeePerBlobGas),
    blobVersionedHashes: tx.blobVersionedHashes?.map(hexToBytes),
  };
}

function senderOf(secretKey: string): Address {
  return privateKeyToAddress(hexToBytes(secretKey));
}

