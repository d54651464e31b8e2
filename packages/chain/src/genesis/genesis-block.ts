import { bigintToFixedBytes, type Genesis, KECCAK256_EMPTY, keccak256 } from '@cairn/common';
import type { AccountChange } from '@cairn/evm';
import { EMPTY_TRIE_ROOT } from '@cairn/trie';
import { Block } from '../block/block';
import { INITIAL_BASE_FEE } from '../header/base-fee';
import { createHeader } from '../header/header';
import { EMPTY_OMMERS_HASH } from '../header/ommers';
import { BLOOM_BYTES } from '../receipts/bloom';

/** The genesis allocations as state changes to apply to an empty state. */
export function genesisChanges(genesis: Genesis): AccountChange[] {
  return genesis.alloc.map((account) => ({
    address: account.address,
    account: { nonce: account.nonce, balance: account.balance, codeHash: account.code.length === 0 ? KECCAK256_EMPTY : keccak256(account.code) },
    storageCleared: false,
    storage: new Map(account.storage),
    ...(account.code.length > 0 ? { code: account.code } : {}),
  }));
}

/**
 * The genesis block of `genesis` with its state root, with the header fields of the forks active
 * at genesis: London's base fee (1 gwei unless the file sets one), Shanghai's empty withdrawals
 * root, Cancun's zero blob gas and zero parent beacon root. The genesis has no transactions,
 * ommers or receipts.
 */
export function genesisBlock(genesis: Genesis, stateRoot: Uint8Array): Block {
  const { config } = genesis;
  const rules = config.rulesAt(genesis.number, genesis.timestamp, config.terminalTotalDifficulty === 0n);
  const header = createHeader({
    parentHash: genesis.parentHash,
    ommersHash: EMPTY_OMMERS_HASH,
    coinbase: genesis.coinbase,
    stateRoot,
    transactionsRoot: EMPTY_TRIE_ROOT,
    receiptsRoot: EMPTY_TRIE_ROOT,
    logsBloom: new Uint8Array(BLOOM_BYTES),
    difficulty: genesis.difficulty,
    number: genesis.number,
    gasLimit: genesis.gasLimit,
    gasUsed: genesis.gasUsed,
    timestamp: genesis.timestamp,
    extraData: genesis.extraData,
    mixHash: genesis.mixHash,
    nonce: bigintToFixedBytes(genesis.nonce, 8),
    baseFeePerGas: rules.has(1559) ? (genesis.baseFeePerGas ?? INITIAL_BASE_FEE) : undefined,
    withdrawalsRoot: rules.has(4895) ? EMPTY_TRIE_ROOT : undefined,
    blobGasUsed: rules.has(4844) ? (genesis.blobGasUsed ?? 0n) : undefined,
    excessBlobGas: rules.has(4844) ? (genesis.excessBlobGas ?? 0n) : undefined,
    parentBeaconBlockRoot: rules.has(4788) ? (genesis.parentBeaconBlockRoot ?? new Uint8Array(32)) : undefined,
  });
  return new Block(header, { transactions: [], ommers: [], withdrawals: rules.has(4895) ? [] : undefined });
}
