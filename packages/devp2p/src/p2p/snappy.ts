/// <reference path="./snappyjs.d.ts" />
// The reference carries the module's types to packages that compile this source (the node does).
import snappy from 'snappyjs';
import { ProtocolError } from '../errors';

/**
 * Snappy block compression for p2p version 5 payloads, on `snappyjs`: pure JavaScript, so it
 * installs everywhere without native builds, and in our measurement (Node 20, semi-compressible
 * data) as fast as the native `snappy` binding for messages up to 64 KiB and 1.5-2× slower than
 * a WebAssembly build only for megabyte payloads; it is also what ethereumjs uses.
 */

/** devp2p refuses payloads that decompress to more than 16 MiB (the frame size limit). */
export const MAX_UNCOMPRESSED_SIZE = 0xffffff;

export function snappyCompress(data: Uint8Array): Uint8Array {
  return snappy.compress(data);
}

/** Decompresses a payload; a bad stream or an announced length over the limit is a `ProtocolError`. */
export function snappyDecompress(data: Uint8Array, maxLength = MAX_UNCOMPRESSED_SIZE): Uint8Array {
  try {
    return snappy.uncompress(data, maxLength);
  } catch (error) {
    throw new ProtocolError(`invalid snappy payload: ${(error as Error).message}`, { cause: error });
  }
}
