import { ChainConfig, Fork, type ForkActivation, type ForkRules, type Genesis, keccak256, privateKeyToAddress } from '@cairn/common';
import { Evm, precompilesFor } from '@cairn/evm';
import type { KeyValueStore } from '@cairn/storage';
import type { PruningOptions } from '@cairn/trie';
import type { Block } from '../src/block/block';
import { Blockchain } from '../src/blockchain/blockchain';
import type { ConsensusEngine } from '../src/consensus/engine';
import { ProofOfStakeEngine } from '../src/consensus/proof-of-stake';
import type { BlockHeader } from '../src/header/header';
import { validateHeader } from '../src/header/validate-header';
import { signTransaction } from '../src/transactions/sign';
import type { Transaction } from '../src/transactions/transaction';

export const KEYS = Array.from({ length: 4 }, (_, i) => keccak256(Uint8Array.of(i + 1)));
export const ADDRESSES = KEYS.map(privateKeyToAddress);
const ETHER = 10n ** 18n;

/**
 * Proof of work without seals or rewards: the header rules of `validateHeader` (the Ethash
 * difficulty among them), so that tests of the fork choice by total difficulty need no engine
 * package.
 */
export const UNSEALED_POW: ConsensusEngine = {
  name: 'unsealed-pow',
  validateHeader: (header: BlockHeader, parent: BlockHeader, rules: ForkRules) => validateHeader(header, parent, rules),
  verifySeal: async () => {},
  rewards: () => [],
};

/** A genesis with every fork to `fork` from block 0 (Shanghai on by timestamp), the test keys funded. */
export function testGenesis(fork: Fork): Genesis {
  const schedule: ForkActivation[] = [Fork.London, Fork.Paris, Fork.Shanghai].filter((f) => f <= fork).map((f) => (f === Fork.Shanghai ? { fork: f, timestamp: 0n } : { fork: f, block: 0n }));
  const merged = fork >= Fork.Paris;
  const config = new ChainConfig({ chainId: 1n, schedule: [{ fork: Fork.Berlin, block: 0n }, ...schedule], terminalTotalDifficulty: merged ? 0n : undefined, consensus: merged ? { engine: 'pos' } : { engine: 'ethash' } });
  return {
    config,
    nonce: 0n,
    timestamp: 0n,
    extraData: new Uint8Array(0),
    gasLimit: 30_000_000n,
    difficulty: merged ? 0n : 131072n,
    mixHash: new Uint8Array(32),
    coinbase: new Uint8Array(20),
    number: 0n,
    gasUsed: 0n,
    parentHash: new Uint8Array(32),
    baseFeePerGas: undefined,
    excessBlobGas: undefined,
    blobGasUsed: undefined,
    parentBeaconBlockRoot: undefined,
    alloc: ADDRESSES.map((address) => ({ address, balance: 1000n * ETHER, nonce: 0n, code: new Uint8Array(0), storage: [] })),
  };
}

export function openTestChain(store: KeyValueStore, fork: Fork = Fork.Shanghai, pruning?: PruningOptions): Promise<Blockchain> {
  const engine = fork >= Fork.Paris ? new ProofOfStakeEngine() : UNSEALED_POW;
  return Blockchain.open({ store, genesis: testGenesis(fork), engine, evm: new Evm({ precompiles: precompilesFor }), pruning });
}

/** An ether transfer of `value` wei from test key `from` with `nonce`. */
export function transfer(from: number, nonce: bigint, to: Uint8Array, value: bigint): Transaction {
  return signTransaction({ type: 2, chainId: 1n, nonce, maxPriorityFeePerGas: 1n, maxFeePerGas: 10n ** 10n, gasLimit: 21_000n, to, value, data: new Uint8Array(0) }, KEYS[from]);
}

/**
 * On a proof-of-work chain at its genesis: imports a1 (canonical), then a slower sibling b1 (a
 * side block: slower blocks weigh less) and its child b2, whose branch then has more total
 * difficulty and becomes canonical. Checks each import's status.
 */
export async function importReorg(chain: Blockchain, recipient: Uint8Array): Promise<{ a1: Block; b1: Block; b2: Block }> {
  const genesis = chain.head.hash();
  const imported = async (block: Block, status: string) => {
    const result = await chain.importBlock(block);
    if (result.status !== status) throw new Error(`block ${block.header.number} imported as ${result.status}, not ${status}`);
    return block;
  };
  const a1 = await imported(await chain.buildBlock(genesis, { transactions: [transfer(0, 0n, recipient, 1n)], coinbase: ADDRESSES[3], timestamp: 10n }), 'canonical');
  const b1 = await imported(await chain.buildBlock(genesis, { transactions: [transfer(1, 0n, recipient, 2n)], coinbase: ADDRESSES[2], timestamp: 30n }), 'side');
  const b2 = await imported(await chain.buildBlock(b1.hash(), { transactions: [transfer(1, 1n, recipient, 3n)], coinbase: ADDRESSES[2], timestamp: 40n }), 'canonical');
  return { a1, b1, b2 };
}
