import type { Block, Blockchain } from '@cairn/chain';
import { broadcastBlock, type Peer } from '@cairn/devp2p';

/**
 * Passes a block that became the head on to the peers that do not have it yet: whole to some,
 * announced by hash to the others, with the total difficulty it brings the chain to.
 */
export class BlockBroadcast {
  private readonly chain: Blockchain;
  private readonly peers: () => readonly Peer[];

  constructor(chain: Blockchain, peers: () => readonly Peer[]) {
    this.chain = chain;
    this.peers = peers;
  }

  async announce(block: Block): Promise<void> {
    const hash = block.hash();
    const totalDifficulty = await this.chain.blocks.totalDifficulty(hash);
    const peers = this.peers();
    if (totalDifficulty === undefined || peers.length === 0) return;
    broadcastBlock(
      peers.map((p) => p.eth),
      { encoded: block.encode(), hash, number: block.header.number, totalDifficulty },
    );
  }
}
