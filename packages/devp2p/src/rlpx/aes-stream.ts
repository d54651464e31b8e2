import { ctr, ecb } from '@noble/ciphers/aes.js';
import { FrameError } from '../errors';

/**
 * AES-256-CTR as one continuous key stream across calls, as RLPx frames need: the stream starts
 * at a zero IV when the session starts and every header and body continues it. RLPx only ever
 * feeds whole 16-byte blocks (headers are 16 bytes, bodies are padded), so the position is a
 * block counter and each call resumes `@noble/ciphers`' CTR at that counter.
 */
export class AesCtrStream {
  private readonly key: Uint8Array;
  private readonly counter = new Uint8Array(16);

  constructor(key: Uint8Array) {
    this.key = key;
  }

  /** Encrypts (or, identically, decrypts) the next `data.length` bytes of the stream. */
  process(data: Uint8Array): Uint8Array {
    if (data.length % 16 !== 0) throw new FrameError(`AES-CTR input of ${data.length} bytes is not whole blocks`);
    const out = ctr(this.key, this.counter).encrypt(data);
    this.advance(data.length / 16);
    return out;
  }

  private advance(blocks: number): void {
    let carry = blocks;
    for (let i = 15; i >= 0 && carry > 0; i--) {
      const sum = this.counter[i] + (carry % 256);
      this.counter[i] = sum & 0xff;
      carry = Math.floor(carry / 256) + (sum >> 8);
    }
  }
}

/** One AES-256 block encryption (ECB of a single block), used to seed the RLPx MACs. */
export function aesEncryptBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  return ecb(key, { disablePadding: true }).encrypt(block);
}
