import { keccak_256 } from '@noble/hashes/sha3.js';
import { aesEncryptBlock } from './aes-stream';

type KeccakState = ReturnType<typeof keccak_256.create>;

/**
 * One direction's RLPx MAC: a Keccak-256 sponge that absorbs everything sent in that direction
 * and is never reset, so each frame's MAC depends on the whole history of the session. Its
 * digest is read from a clone, leaving the running state untouched.
 */
export class RlpxMac {
  private readonly state: KeccakState;
  private readonly macSecret: Uint8Array;

  /** `seed` is `(mac-secret ^ nonce) || handshake-packet`, as the session secrets define it. */
  constructor(macSecret: Uint8Array, seed: Uint8Array) {
    this.macSecret = macSecret;
    this.state = keccak_256.create();
    this.state.update(seed);
  }

  /** The first 16 bytes of the running digest. */
  digest(): Uint8Array {
    return this.state.clone().digest().subarray(0, 16);
  }

  /** Absorbs a header's ciphertext and returns the header MAC. */
  updateHeader(headerCiphertext: Uint8Array): Uint8Array {
    this.mixSeed(headerCiphertext);
    return this.digest();
  }

  /** Absorbs a frame body's ciphertext and returns the frame MAC. */
  updateBody(bodyCiphertext: Uint8Array): Uint8Array {
    this.state.update(bodyCiphertext);
    this.mixSeed(this.digest());
    return this.digest();
  }

  /** Absorbs `aes(mac-secret, digest) ^ value`: the step shared by header and body MACs. */
  private mixSeed(value: Uint8Array): void {
    const seed = aesEncryptBlock(this.macSecret, this.digest());
    for (let i = 0; i < 16; i++) seed[i] ^= value[i];
    this.state.update(seed);
  }
}
