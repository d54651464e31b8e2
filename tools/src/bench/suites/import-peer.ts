import { createBlockFromRLP } from '@ethereumjs/block';
import { createBlockchain } from '@ethereumjs/blockchain';
import { createCommonFromGethGenesis, type GenesisState } from '@ethereumjs/common';
import { MerkleStateManager } from '@ethereumjs/statemanager';
import { createVM, runBlock } from '@ethereumjs/vm';

/** The genesis allocations of a geth genesis file in ethereumjs's `GenesisState` form. */
function genesisState(genesis: { alloc: Record<string, { balance: string; code?: string; storage?: Record<string, string>; nonce?: string }> }): GenesisState {
  const state: GenesisState = {};
  for (const [address, account] of Object.entries(genesis.alloc)) {
    const storage = Object.entries(account.storage ?? {}).map(([key, value]) => [`0x${key.slice(2).padStart(64, '0')}`, value] as [`0x${string}`, `0x${string}`]);
    state[address as `0x${string}`] = [account.balance as `0x${string}`, (account.code ?? '0x') as `0x${string}`, storage, (account.nonce ?? '0x0') as `0x${string}`];
  }
  return state;
}

/** What the peer import ended with, to compare with Cairn's. */
export interface PeerImport {
  readonly genesisHash: Uint8Array;
  readonly headHash: Uint8Array;
  readonly stateRoot: Uint8Array;
  readonly seconds: number;
}

/**
 * Imports the blocks with @ethereumjs/blockchain and @ethereumjs/vm as an ethereumjs node does:
 * each block is put into the blockchain (header validation against its parent) and run on the
 * parent's state (transactions validated, state root, receipts root, bloom and gas used checked).
 * State stays in ethereumjs's in-memory database, which spares it any disk writes.
 */
export async function importWithEthereumjs(genesisJson: unknown, blocks: readonly Uint8Array[]): Promise<PeerImport> {
  const genesis = genesisJson as Parameters<typeof genesisState>[0];
  const common = createCommonFromGethGenesis(genesisJson as Parameters<typeof createCommonFromGethGenesis>[0], { chain: 'cairn-generated' });
  const state = genesisState(genesis);
  const blockchain = await createBlockchain({ common, genesisState: state, validateConsensus: false, validateBlocks: true });
  const stateManager = new MerkleStateManager({ common });
  await stateManager.generateCanonicalGenesis(state);
  const vm = await createVM({ common, blockchain, stateManager });
  const start = process.hrtime.bigint();
  let head = blockchain.genesisBlock;
  for (const bytes of blocks) {
    const block = createBlockFromRLP(bytes, { common, setHardfork: true });
    await blockchain.putBlock(block);
    await runBlock(vm, { block, root: head.header.stateRoot, setHardfork: true });
    head = block;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { genesisHash: blockchain.genesisBlock.hash(), headHash: head.hash(), stateRoot: head.header.stateRoot, seconds };
}
