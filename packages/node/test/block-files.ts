import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Blockchain, ProofOfStakeEngine, signTransaction } from '@cairn/chain';
import { bigintToHex, bytesToHex, keccak256, parseGenesis, privateKeyToAddress } from '@cairn/common';
import { Evm, precompilesFor } from '@cairn/evm';
import { MemoryStore } from '@cairn/storage';

const KEY = keccak256(new TextEncoder().encode('node test sender'));

/** A genesis file of a Shanghai chain after the Merge with one funded sender. */
export function genesisJson(): Record<string, unknown> {
  return {
    config: { chainId: 7, berlinBlock: 0, londonBlock: 0, mergeNetsplitBlock: 0, terminalTotalDifficulty: 0, shanghaiTime: 0 },
    gasLimit: bigintToHex(30_000_000n),
    difficulty: '0x0',
    baseFeePerGas: '0x3b9aca00',
    alloc: { [bytesToHex(privateKeyToAddress(KEY))]: { balance: bigintToHex(10n ** 24n) } },
  };
}

/** A transfer of `value` wei from the funded sender of `genesisJson`, signed with `nonce`. */
export function signTestTransfer(nonce: bigint, value: bigint) {
  return signTransaction(
    { type: 2, chainId: 7n, nonce, maxPriorityFeePerGas: 1n, maxFeePerGas: 10n ** 11n, gasLimit: 21_000n, to: keccak256(Uint8Array.of(0xee)).subarray(12), value, data: new Uint8Array(0) },
    KEY,
  );
}

/**
 * Writes `genesis.json` and `blocks.rlp` (`count` blocks of `perBlock` transfers each to fresh
 * addresses, built by Cairn itself) into `dir`; returns the paths and the head's hash and state root.
 */
export async function writeTestChain(dir: string, count: number, perBlock: number) {
  const json = genesisJson();
  const chain = await Blockchain.open({ store: new MemoryStore(), genesis: parseGenesis(json), engine: new ProofOfStakeEngine(), evm: new Evm({ precompiles: precompilesFor }) });
  const encoded: Uint8Array[] = [];
  let nonce = 0n;
  for (let n = 1; n <= count; n++) {
    const transactions = Array.from({ length: perBlock }, (_, i) =>
      signTransaction(
        { type: 2, chainId: 7n, nonce: nonce++, maxPriorityFeePerGas: 1n, maxFeePerGas: 10n ** 11n, gasLimit: 21_000n, to: keccak256(Uint8Array.of(n, i)).subarray(12), value: BigInt(n * 1000 + i), data: new Uint8Array(0) },
        KEY,
      ),
    );
    const block = await chain.buildBlock(chain.head.hash(), { transactions, coinbase: new Uint8Array(20).fill(n % 256), timestamp: BigInt(n * 12) });
    await chain.importBlock(block);
    encoded.push(block.encode());
  }
  const genesisFile = join(dir, 'genesis.json');
  const blocksFile = join(dir, 'blocks.rlp');
  writeFileSync(genesisFile, JSON.stringify(json));
  writeFileSync(blocksFile, Buffer.concat(encoded));
  const head = { hash: bytesToHex(chain.head.hash()), stateRoot: bytesToHex(chain.head.header.stateRoot), number: chain.head.header.number };
  await chain.close();
  return { genesisFile, blocksFile, head };
}

/** Bumped whenever `writeTestChain` makes different blocks, so that a cached chain is never stale. */
const TEST_CHAIN_VERSION = 1;

/**
 * `writeTestChain` once per shape and generator version, kept in the repository's `.cache` (as
 * the ethereum/tests archives are) so that later runs skip the generation. The chain is written to
 * a temporary folder and renamed into place whole, so a half-written one is never reused, and test
 * files generating the same chain at once each end up reading one complete copy.
 */
export async function cachedTestChain(count: number, perBlock: number) {
  const parent = join(import.meta.dirname, '..', '..', '..', '.cache', 'node-test-chains');
  const dir = join(parent, `v${TEST_CHAIN_VERSION}-${count}b-${perBlock}t`);
  const files = { genesisFile: join(dir, 'genesis.json'), blocksFile: join(dir, 'blocks.rlp'), headFile: join(dir, 'head.json') };
  if (!existsSync(files.headFile)) {
    const partial = `${dir}.partial-${process.pid}`;
    mkdirSync(partial, { recursive: true });
    const { head } = await writeTestChain(partial, count, perBlock);
    writeFileSync(join(partial, 'head.json'), JSON.stringify({ ...head, number: head.number.toString() }));
    try {
      renameSync(partial, dir);
    } catch {
      // Another test process put the same chain in place first.
      rmSync(partial, { recursive: true, force: true });
    }
  }
  const head = JSON.parse(readFileSync(files.headFile, 'utf8')) as { hash: string; stateRoot: string; number: string };
  return { genesisFile: files.genesisFile, blocksFile: files.blocksFile, head: { ...head, number: BigInt(head.number) } };
}
