import { type Block, type Blockchain, decodeBlock, type SenderRecovery } from '@cairn/chain';
import { bytesToHex } from '@cairn/common';
import type { BlockAnnouncement, BlockSink, BlockVerdict, NewBlock, PeerRef } from '@cairn/devp2p';
import type { BlockImporter } from '../chain/block-importer';
import type { Logger } from '../logging/logger';
import type { FullSync } from './full-sync';
import { isInvalidBlockError } from './sync-errors';

export interface BlockAnnouncementsDependencies {
  readonly chain: Blockchain;
  readonly importer: BlockImporter;
  readonly senders: SenderRecovery;
  readonly sync: FullSync;
  readonly log: Logger;
}

const VALID: BlockVerdict = { valid: true };

/**
 * Following the head once in sync: a NewBlock whose parent is known is imported at once (the node
 * passes each new head on to its peers as the importer reports it); a block further ahead, a hash announcement, or any
 * announcement while a round runs, records the peer's new head and wakes the sync, which then
 * downloads from it. A block that fails validation is reported invalid, which disconnects the
 * peer that sent it and records its offence.
 */
export class BlockAnnouncements implements BlockSink {
  private readonly deps: BlockAnnouncementsDependencies;

  constructor(deps: BlockAnnouncementsDependencies) {
    this.deps = deps;
  }

  async onNewBlock(announced: NewBlock, from: PeerRef): Promise<BlockVerdict> {
    const { chain, sync } = this.deps;
    const peer = sync.peerOf(from);
    if (peer) sync.heads.raise(peer, { hash: announced.hash, number: announced.number, totalDifficulty: announced.totalDifficulty });
    if (await chain.blocks.header(announced.hash)) return VALID;
    let block: Block;
    try {
      block = decodeBlock(announced.block);
    } catch (error) {
      return { valid: false, reason: `undecodable block: ${(error as Error).message}` };
    }
    if (sync.isSyncing || !(await chain.blocks.header(block.header.parentHash))) {
      sync.trigger();
      return VALID;
    }
    return this.importAnnounced(block);
  }

  onNewBlockHashes(entries: readonly BlockAnnouncement[], from: PeerRef): void {
    const { sync } = this.deps;
    const peer = sync.peerOf(from);
    if (!peer || entries.length === 0) return;
    const newest = entries.reduce((a, b) => (b.number > a.number ? b : a));
    sync.heads.raise(peer, newest);
    sync.trigger();
  }

  private async importAnnounced(block: Block): Promise<BlockVerdict> {
    const { importer, senders, sync } = this.deps;
    try {
      await senders.recover(block.transactions);
      const result = await importer.import(block);
      if (result.status === 'canonical') {
        this.deps.log.info(`imported announced block #${block.header.number} ${bytesToHex(block.hash())} (${block.transactions.length} transactions, ${result.gasUsed} gas)`);
      }
      return VALID;
    } catch (error) {
      if (isInvalidBlockError(error)) return { valid: false, reason: `${error.code}: ${error.message}` };
      // Not the peer's fault (its parent is not stored after all, or this node failed): the sync sorts it out.
      if ((error as { code?: unknown }).code !== 'UNKNOWN_PARENT') this.deps.log.warn(`announced block #${block.header.number} could not be imported: ${(error as Error).message}`);
      sync.trigger();
      return VALID;
    }
  }
}
