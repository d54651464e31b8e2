import { Blockchain, ProofOfStakeEngine, signTransaction, type Block, type Transaction } from '@cairn/chain';
import { bigintToHex, bytesToHex, type Genesis, hexToBytes, keccak256, parseGenesis, privateKeyToAddress } from '@cairn/common';
import { Evm, precompilesFor } from '@cairn/evm';
import { MemoryStore } from '@cairn/storage';
import { balanceSlot, loadToken, type Token, transferCall } from './token';

/** The shape of a generated chain: how many blocks and what each holds. */
export interface ChainShape {
  readonly blocks: number;
  readonly senders: number;
  /** Per block. */
  readonly tokenTransfers: number;
  readonly etherTransfers: number;
  readonly creations: number;
}

export const DEFAULT_SHAPE: ChainShape = { blocks: 200, senders: 64, tokenTransfers: 24, etherTransfers: 16, creations: 2 };

const CHAIN_ID = 1337n;
const TOKEN_ADDRESS = '0x00000000000000000000000000000000000a1005';
const ETHER = 10n ** 18n;

/** The deterministic key of sender `i`. */
function senderKey(i: number): Uint8Array {
  return keccak256(new TextEncoder().encode(`cairn chain generator sender ${i}`));
}

/**
 * The genesis file (geth/Besu format) of a generated chain: Shanghai after the Merge from block 0,
 * the senders funded with ether and with tokens of the ERC-20 deployed at genesis.
 */
export function generatorGenesis(shape: ChainShape, token: Token): Record<string, unknown> {
  const alloc: Record<string, unknown> = {};
  const tokenStorage: Record<string, string> = {};
  for (let i = 0; i < shape.senders; i++) {
    const address = privateKeyToAddress(senderKey(i));
    alloc[bytesToHex(address)] = { balance: bigintToHex(1000n * ETHER) };
    tokenStorage[bigintToHex(balanceSlot(address))] = bigintToHex(10n ** 30n);
  }
  alloc[TOKEN_ADDRESS] = { balance: '0x0', code: bytesToHex(token.runtime), storage: tokenStorage };
  return {
    config: {
      chainId: Number(CHAIN_ID),
      homesteadBlock: 0,
      eip150Block: 0,
      eip155Block: 0,
      eip158Block: 0,
      byzantiumBlock: 0,
      constantinopleBlock: 0,
      petersburgBlock: 0,
      istanbulBlock: 0,
      berlinBlock: 0,
      londonBlock: 0,
      mergeNetsplitBlock: 0,
      terminalTotalDifficulty: 0,
      shanghaiTime: 0,
    },
    nonce: '0x0',
    timestamp: '0x0',
    extraData: '0x',
    gasLimit: bigintToHex(30_000_000n),
    difficulty: '0x0',
    baseFeePerGas: bigintToHex(1_000_000_000n),
    alloc,
  };
}

/** A fresh recipient address for the n-th transfer (never a sender, so every slot starts cold and empty). */
function recipient(n: number): Uint8Array {
  return keccak256(new TextEncoder().encode(`recipient ${n}`)).subarray(12);
}

/**
 * Generates a chain of `shape.blocks` blocks after the genesis of `generatorGenesis`: each block
 * holds ERC-20 transfers, ether transfers and contract creations (copies of the token), from
 * senders taken in turn, built and executed by Cairn's own block builder. Returns the genesis
 * file and the blocks in order.
 */
export async function generateChain(shape: ChainShape, workloadsDir: string): Promise<{ genesis: Record<string, unknown>; blocks: Block[] }> {
  const token = loadToken(workloadsDir);
  const genesisJson = generatorGenesis(shape, token);
  const genesis: Genesis = parseGenesis(genesisJson);
  const store = new MemoryStore();
  const chain = await Blockchain.open({ store, genesis, engine: new ProofOfStakeEngine(), evm: new Evm({ precompiles: precompilesFor }) });
  const keys = Array.from({ length: shape.senders }, (_, i) => senderKey(i));
  const nonces = keys.map(() => 0n);
  const tokenBytes = hexToBytes(TOKEN_ADDRESS);
  let next = 0;
  let transfers = 0;
  const sign = (fields: { to?: Uint8Array; value: bigint; data: Uint8Array; gasLimit: bigint }): Transaction => {
    const i = next++ % shape.senders;
    const tx = signTransaction({ type: 2, chainId: CHAIN_ID, nonce: nonces[i], maxPriorityFeePerGas: 1_000_000_000n, maxFeePerGas: 100_000_000_000n, ...fields }, keys[i]);
    nonces[i]++;
    return tx;
  };
  const blocks: Block[] = [];
  for (let b = 1; b <= shape.blocks; b++) {
    const transactions: Transaction[] = [];
    for (let t = 0; t < shape.tokenTransfers; t++) transactions.push(sign({ to: tokenBytes, value: 0n, data: transferCall(recipient(transfers++), 1000n + BigInt(t)), gasLimit: 100_000n }));
    for (let t = 0; t < shape.etherTransfers; t++) transactions.push(sign({ to: recipient(transfers++), value: 10n ** 15n, data: new Uint8Array(0), gasLimit: 21_000n }));
    for (let t = 0; t < shape.creations; t++) transactions.push(sign({ value: 0n, data: token.initCode, gasLimit: 1_000_000n }));
    const block = await chain.buildBlock(chain.head.hash(), { transactions, coinbase: recipient(1_000_000 + b), timestamp: BigInt(b * 12), mixHash: keccak256(Uint8Array.of(b)) });
    await chain.importBlock(block);
    blocks.push(block);
  }
  await chain.close();
  await store.close();
  return { genesis: genesisJson, blocks };
}
