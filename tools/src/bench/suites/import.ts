import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Blockchain, importBlockFile, InlineSenderRecovery, ProofOfStakeEngine, type SenderRecovery } from '@cairn/chain';
import { bytesToHex, equalBytes, parseGenesis, rlpItemLength } from '@cairn/common';
import { Evm, precompilesFor } from '@cairn/evm';
import { createSenderRecovery } from '@cairn/node';
import { LevelDbStore } from '@cairn/storage';
import { repoRoot } from '../../repo-root';
import { DEFAULT_SHAPE } from '../../gen/chain-generator';
import { type GeneratedChainFiles, generatedChainFiles, readGenesisJson } from '../../gen/generated-chain';
import { makeResult } from '../result';
import type { BenchSuite } from '../suite';
import { importWithEthereumjs } from './import-peer';

/** The blocks of a file of concatenated RLP blocks, as byte strings. */
function splitBlocks(bytes: Uint8Array): Uint8Array[] {
  const blocks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const length = rlpItemLength(bytes.subarray(offset));
    blocks.push(bytes.subarray(offset, offset + length));
    offset += length;
  }
  return blocks;
}

/**
 * Block import: the generated chain (tools/src/gen, 200 blocks of ERC-20 transfers, ether
 * transfers and token deployments; cached in .cache/bench) imported by Cairn from the block file
 * into a fresh LevelDB store, and by @ethereumjs/blockchain with @ethereumjs/vm. Both must end at
 * the same head and state root. One run each: the import is long enough that warm-up is a small
 * part of it.
 */
export const importBench: BenchSuite = {
  name: 'import',
  description: 'Import of a generated 200-block chain (ERC-20 and ether transfers, deployments): Cairn on LevelDB against @ethereumjs/vm + @ethereumjs/blockchain',
  async run(context) {
    const files = await generatedChainFiles(join(repoRoot(), '.cache', 'bench'), DEFAULT_SHAPE, context.workloadsDir);
    const genesisJson = readGenesisJson(files);
    const blocks = splitBlocks(new Uint8Array(readFileSync(files.blocksFile)));
    context.log(`import: ${blocks.length} blocks from ${files.blocksFile}`);

    const senders = createSenderRecovery();
    const cairn = await importWithCairn(files, genesisJson, senders);
    const noble = await importWithCairn(files, genesisJson, new InlineSenderRecovery());
    context.log(`import: Cairn ${cairn.seconds.toFixed(2)} s (${senders.backend} sender recovery), ${noble.seconds.toFixed(2)} s with @noble/curves, for ${cairn.gas} gas`);

    const peer = await importWithEthereumjs(genesisJson, blocks);
    context.log(`import: ethereumjs ${peer.seconds.toFixed(2)} s`);
    if (!equalBytes(peer.genesisHash, cairn.genesis)) throw new Error(`genesis differs: ethereumjs ${bytesToHex(peer.genesisHash)}, Cairn ${bytesToHex(cairn.genesis)}`);
    if (!equalBytes(noble.head, cairn.head)) throw new Error('the two Cairn imports disagree');
    if (!equalBytes(peer.headHash, cairn.head) || !equalBytes(peer.stateRoot, cairn.root)) {
      throw new Error(`the imports disagree: ethereumjs head ${bytesToHex(peer.headHash)} root ${bytesToHex(peer.stateRoot)}, Cairn head ${bytesToHex(cairn.head)} root ${bytesToHex(cairn.root)}`);
    }
    const mgas = (seconds: number) => Number(cairn.gas) / 1e6 / seconds;
    const workload = `${blocks.length} blocks, ${(Number(cairn.gas) / 1e6).toFixed(0)} Mgas`;
    context.emit(makeResult('import', workload, 'Mgas/s', mgas(cairn.seconds), mgas(peer.seconds), `Cairn on LevelDB, ${senders.backend} sender recovery; ethereumjs in memory`));
    context.emit(makeResult('import', `${workload}, both with @noble/curves`, 'Mgas/s', mgas(noble.seconds), mgas(peer.seconds), 'Cairn on LevelDB; ethereumjs in memory'));
    context.emit(makeResult('import', 'blocks per second', 'blocks/s', blocks.length / cairn.seconds, blocks.length / peer.seconds, `Cairn with ${senders.backend}`));
  },
};

/** Cairn's import of the block file into a fresh LevelDB store. */
async function importWithCairn(files: GeneratedChainFiles, genesisJson: unknown, senders: SenderRecovery) {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-import-bench-'));
  const store = await LevelDbStore.open(dir);
  try {
    const chain = await Blockchain.open({ store, genesis: parseGenesis(genesisJson), engine: new ProofOfStakeEngine(), evm: new Evm({ precompiles: precompilesFor }) });
    const summary = await importBlockFile(chain, files.blocksFile, { senders });
    if (summary.failure) throw new Error(`Cairn rejected block ${summary.failure.number}: ${summary.failure.code}: ${summary.failure.reason}`);
    const result = { seconds: summary.elapsedMs / 1000, gas: summary.gasUsed, head: chain.head.hash(), root: chain.head.header.stateRoot, genesis: chain.genesis.hash() };
    await chain.close();
    return result;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
