import { CairnError } from '@cairn/common';

/** A block file that cannot be read: an item that is not a block, or a file cut short. */
export class BlockFileError extends CairnError {
  constructor(
    /** The position of the bad item in the file, from 0. */
    readonly index: number,
    /** Its byte offset. */
    readonly offset: number,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super('INVALID_BLOCK_FILE', `block ${index} of the file (at byte ${offset}): ${detail}`, options);
  }
}
