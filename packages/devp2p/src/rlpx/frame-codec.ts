import { concatBytes, equalBytes } from '@cairn/common';
import { FrameError } from '../errors';
import { AesCtrStream } from './aes-stream';
import type { ByteQueue } from './byte-queue';
import type { SessionSecrets } from './secrets';

/** The largest frame body RLPx can describe: its size field is three bytes. */
export const MAX_FRAME_SIZE = 0xffffff;
/** header-data: RLP [capability-id = 0, context-id = 0]; receivers ignore it since chunking was dropped. */
const HEADER_DATA = new Uint8Array([0xc2, 0x80, 0x80]);

function paddedLength(n: number): number {
  return n % 16 === 0 ? n : n + 16 - (n % 16);
}

/**
 * Encrypts and authenticates RLPx frames in both directions of one session. A frame is a
 * 16-byte header (size and header-data) with its 16-byte MAC, then the body padded to whole
 * AES blocks with its 16-byte MAC; the AES stream and both MAC sponges run on across frames.
 */
export class FrameCodec {
  private readonly egressAes: AesCtrStream;
  private readonly ingressAes: AesCtrStream;
  private readonly secrets: SessionSecrets;
  /** Body size announced by a header already read, while the body has not fully arrived. */
  private pendingBodySize: number | undefined;

  constructor(secrets: SessionSecrets) {
    this.secrets = secrets;
    this.egressAes = new AesCtrStream(secrets.aesSecret);
    this.ingressAes = new AesCtrStream(secrets.aesSecret);
  }

  /** One encrypted frame carrying `body` (message id and payload, already joined). */
  encode(body: Uint8Array): Uint8Array {
    if (body.length > MAX_FRAME_SIZE) throw new FrameError(`frame of ${body.length} bytes exceeds ${MAX_FRAME_SIZE}`);
    const header = new Uint8Array(16);
    header[0] = body.length >> 16;
    header[1] = (body.length >> 8) & 0xff;
    header[2] = body.length & 0xff;
    header.set(HEADER_DATA, 3);
    const headerCiphertext = this.egressAes.process(header);
    const headerMac = this.secrets.egressMac.updateHeader(headerCiphertext);
    const padded = new Uint8Array(paddedLength(body.length));
    padded.set(body);
    const bodyCiphertext = this.egressAes.process(padded);
    const bodyMac = this.secrets.egressMac.updateBody(bodyCiphertext);
    return concatBytes(headerCiphertext, headerMac, bodyCiphertext, bodyMac);
  }

  /**
   * The next complete frame body in `queue`, or undefined until enough bytes have arrived.
   * A MAC mismatch is a `FrameError`; after one, the session cannot continue.
   */
  decode(queue: ByteQueue): Uint8Array | undefined {
    if (this.pendingBodySize === undefined) {
      if (queue.length < 32) return undefined;
      const headerCiphertext = queue.take(16);
      const headerMac = queue.take(16);
      if (!equalBytes(this.secrets.ingressMac.updateHeader(headerCiphertext), headerMac)) {
        throw new FrameError('frame header MAC mismatch');
      }
      const header = this.ingressAes.process(headerCiphertext);
      this.pendingBodySize = (header[0] << 16) | (header[1] << 8) | header[2];
    }
    const size = this.pendingBodySize;
    const padded = paddedLength(size);
    if (queue.length < padded + 16) return undefined;
    const bodyCiphertext = queue.take(padded);
    const bodyMac = queue.take(16);
    if (!equalBytes(this.secrets.ingressMac.updateBody(bodyCiphertext), bodyMac)) throw new FrameError('frame body MAC mismatch');
    this.pendingBodySize = undefined;
    return this.ingressAes.process(bodyCiphertext).subarray(0, size);
  }
}
