import { open } from 'node:fs/promises';
import { concatBytes, DEFAULT_MAX_RLP_BYTES, rlpItemLength } from '@cairn/common';
import { type Block, decodeBlock } from '../block/block';
import { BlockFileError } from './errors';

/** How much of the file is read at a time. */
const CHUNK_BYTES = 1 << 20;

/** One block of a block file, with where it starts in the file. */
export interface FileBlock {
  readonly block: Block;
  /** Byte offset of the block's RLP in the file. */
  readonly offset: number;
  /** Its position in the file, from 0. */
  readonly index: number;
  /** Byte offset just past the block. */
  readonly end: number;
}

/**
 * The blocks of a file of concatenated RLP blocks (what geth's and Besu's `export` write),
 * streamed in 1 MiB reads so that a file of any size takes memory for a block or two at a time.
 * Each item is framed by its RLP length prefix (`rlpItemLength`, the framing `rlpDecodeStream`
 * uses) and decoded by `decodeBlock` from its exact bytes. An item that does not decode, or a
 * file that ends inside an item, throws `BlockFileError` naming the position and the offset.
 */
export async function* readBlockFile(path: string, maxBlockBytes = DEFAULT_MAX_RLP_BYTES): AsyncGenerator<FileBlock> {
  const file = await open(path, 'r');
  try {
    let buffer: Uint8Array = new Uint8Array(0);
    let offset = 0;
    let index = 0;
    let ended = false;
    while (true) {
      const length = buffer.length === 0 ? undefined : itemLength(buffer, index, offset);
      if (length !== undefined && length > maxBlockBytes) throw new BlockFileError(index, offset, `the block's RLP of ${length} bytes exceeds the limit of ${maxBlockBytes}`);
      if (length !== undefined && length <= buffer.length) {
        yield { block: decodeAt(buffer.subarray(0, length), index, offset), offset, index, end: offset + length };
        buffer = buffer.subarray(length);
        offset += length;
        index++;
        continue;
      }
      if (ended) {
        if (buffer.length === 0) return;
        throw new BlockFileError(index, offset, `the file ends inside the block (${buffer.length} of ${length ?? 'unknown'} bytes)`);
      }
      const chunk = new Uint8Array(CHUNK_BYTES);
      const { bytesRead } = await file.read(chunk, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) ended = true;
      else buffer = buffer.length === 0 ? chunk.subarray(0, bytesRead) : concatBytes(buffer, chunk.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
}

/** The length of the item at the front, or undefined while its length prefix is incomplete. */
function itemLength(buffer: Uint8Array, index: number, offset: number): number | undefined {
  try {
    return rlpItemLength(buffer);
  } catch (error) {
    if (buffer.length < 9) return undefined;
    throw new BlockFileError(index, offset, (error as Error).message, { cause: error });
  }
}

function decodeAt(bytes: Uint8Array, index: number, offset: number): Block {
  try {
    return decodeBlock(bytes);
  } catch (error) {
    throw new BlockFileError(index, offset, `${(error as { code?: string }).code ?? 'ERROR'}: ${(error as Error).message}`, { cause: error });
  }
}
