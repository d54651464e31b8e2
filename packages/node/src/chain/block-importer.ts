import type { Block, Blockchain, ImportResult } from '@cairn/chain';
import type { Logger } from '../logging/logger';
import { type HeadChange, headChange } from './head-change';

/** Told of every change of the canonical head, in order; the next import waits for it. */
export type HeadListener = (change: HeadChange) => void | Promise<void>;

/**
 * The one way blocks enter the node's chain (the block producer now, sync later): imports run
 * one at a time, and after each that moves the head, every listener (the transaction pool, the
 * RPC event channels, metrics) hears which blocks joined and left the canonical chain before the
 * next import starts. A listener's failure is logged and does not undo the import.
 */
export class BlockImporter {
  readonly #listeners: HeadListener[] = [];
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly chain: Blockchain,
    private readonly logger: Logger,
  ) {}

  onHeadChange(listener: HeadListener): void {
    this.#listeners.push(listener);
  }

  import(block: Block): Promise<ImportResult> {
    const run = this.#queue.then(() => this.#import(block));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every import started so far has finished and been announced. */
  async idle(): Promise<void> {
    await this.#queue;
  }

  async #import(block: Block): Promise<ImportResult> {
    const previous = this.chain.head;
    const result = await this.chain.importBlock(block);
    if (result.status !== 'canonical') return result;
    const change = await headChange(this.chain.blocks, previous, result.block);
    for (const listener of this.#listeners) {
      try {
        await listener(change);
      } catch (error) {
        this.logger.error(`a listener of block #${block.header.number} failed`, error);
      }
    }
    return result;
  }
}
