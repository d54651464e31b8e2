import type { Genesis, GenesisAccount, ChainConfig } from '@cairn/common';
import { hexToBigInt, hexToBytes } from '@cairn/common';
import { MemoryState } from '@cairn/evm';

export interface AccountJson {
  readonly balance: string;
  readonly nonce: string;
  readonly code: string;
  readonly storage: Record<string, string>;
}

export interface BlockJson {
  readonly rlp: string;
  readonly expectException?: string;
  readonly blockHeader?: Record<string, string>;
}

/** One test of a BlockchainTests file. */
export interface BlockchainTestJson {
  readonly _info?: Record<string, string>;
  readonly network: string;
  readonly sealEngine: 'NoProof' | 'Ethash';
  readonly genesisBlockHeader: Record<string, string>;
  readonly genesisRLP?: string;
  readonly pre: Record<string, AccountJson>;
  readonly blocks: readonly BlockJson[];
  readonly lastblockhash: string;
  readonly postState?: Record<string, AccountJson>;
  readonly postStateHash?: string;
}

function accountsOf(json: Record<string, AccountJson>): GenesisAccount[] {
  return Object.entries(json).map(([address, account]) => ({
    address: hexToBytes(address),
    balance: hexToBigInt(account.balance),
    nonce: hexToBigInt(account.nonce),
    code: hexToBytes(account.code),
    storage: Object.entries(account.storage)
      .map(([slot, value]) => [hexToBigInt(slot), hexToBigInt(value)] as const)
      .filter(([, value]) => value !== 0n),
  }));
}

/** The test's genesis as a parsed genesis file would give it: the header's fields and the `pre` state. */
export function genesisOf(test: BlockchainTestJson, config: ChainConfig): Genesis {
  const h = test.genesisBlockHeader;
  const optional = (key: string) => (h[key] === undefined ? undefined : hexToBigInt(h[key]));
  return {
    config,
    nonce: hexToBigInt(h.nonce),
    timestamp: hexToBigInt(h.timestamp),
    extraData: hexToBytes(h.extraData),
    gasLimit: hexToBigInt(h.gasLimit),
    difficulty: hexToBigInt(h.difficulty),
    mixHash: hexToBytes(h.mixHash),
    coinbase: hexToBytes(h.coinbase),
    number: hexToBigInt(h.number),
    gasUsed: hexToBigInt(h.gasUsed),
    parentHash: hexToBytes(h.parentHash),
    baseFeePerGas: optional('baseFeePerGas'),
    excessBlobGas: optional('excessBlobGas'),
    blobGasUsed: optional('blobGasUsed'),
    parentBeaconBlockRoot: h.parentBeaconBlockRoot === undefined ? undefined : hexToBytes(h.parentBeaconBlockRoot),
    alloc: accountsOf(test.pre),
  };
}

/** The state root of the fixture's expected post-state. */
export async function postStateRoot(post: Record<string, AccountJson>): Promise<Uint8Array> {
  const state = new MemoryState();
  for (const account of accountsOf(post)) {
    state.setAccount(account.address, { balance: account.balance, nonce: account.nonce, code: account.code, storage: new Map(account.storage) });
  }
  return state.root();
}
