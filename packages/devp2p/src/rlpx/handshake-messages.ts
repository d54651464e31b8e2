import {
  asBytes,
  asList,
  asUint,
  bigintToFixedBytes,
  bytesToBigInt,
  concatBytes,
  ecdhSharedX,
  privateKeyToPublicKey,
  type RlpValue,
  recoverPublicKey,
  rlpDecodeStream,
  rlpEncode,
  signHash,
} from '@cairn/common';
import { randomBytes } from '@noble/hashes/utils.js';
import { HandshakeError } from '../errors';
import { ECIES_OVERHEAD, eciesDecrypt, eciesEncrypt } from './ecies';

/** The handshake version both auth and ack carry (EIP-8). */
export const HANDSHAKE_VERSION = 4n;
/** Sizes of the pre-EIP-8 packets, which are still accepted: they are fixed. */
export const LEGACY_AUTH_SIZE = 194 + ECIES_OVERHEAD;
export const LEGACY_ACK_SIZE = 97 + ECIES_OVERHEAD;
/** An EIP-8 packet larger than this is refused before it is buffered. */
export const MAX_HANDSHAKE_SIZE = 2048;

/** What the initiator's auth message tells the recipient. */
export interface AuthBody {
  readonly initiatorPublicKey: Uint8Array;
  readonly initiatorNonce: Uint8Array;
  readonly initiatorEphemeralPublicKey: Uint8Array;
}

/** What the recipient's ack message tells the initiator. */
export interface AckBody {
  readonly recipientEphemeralPublicKey: Uint8Array;
  readonly recipientNonce: Uint8Array;
}

export function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] ^ b[i];
  return out;
}

/** Seals an RLP body the EIP-8 way: random padding, two-byte size prefix, prefix authenticated. */
function sealEip8(remotePublicKey: Uint8Array, body: Uint8Array): Uint8Array {
  // EIP-8 asks for at least 100 bytes of padding so that packets are not recognisable by size.
  const padded = concatBytes(body, randomBytes(100 + Math.floor(Math.random() * 100)));
  const size = padded.length + ECIES_OVERHEAD;
  const prefix = new Uint8Array([size >> 8, size & 0xff]);
  return concatBytes(prefix, eciesEncrypt(remotePublicKey, padded, prefix));
}

/** The auth packet an initiator sends. The signature proves the ephemeral key belongs to it. */
export function createAuth(staticKey: Uint8Array, ephemeralKey: Uint8Array, nonce: Uint8Array, remotePublicKey: Uint8Array): Uint8Array {
  const token = xor(ecdhSharedX(staticKey, remotePublicKey), nonce);
  const sig = signHash(token, ephemeralKey);
  const signature = concatBytes(bigintToFixedBytes(sig.r, 32), bigintToFixedBytes(sig.s, 32), new Uint8Array([sig.yParity]));
  return sealEip8(remotePublicKey, rlpEncode([signature, privateKeyToPublicKey(staticKey), nonce, HANDSHAKE_VERSION]));
}

/** The ack packet a recipient sends; in the legacy format when the auth came in that format. */
export function createAck(ephemeralKey: Uint8Array, nonce: Uint8Array, remotePublicKey: Uint8Array, legacy: boolean): Uint8Array {
  const ephemeralPublic = privateKeyToPublicKey(ephemeralKey);
  if (legacy) return eciesEncrypt(remotePublicKey, concatBytes(ephemeralPublic, nonce, new Uint8Array([0])));
  return sealEip8(remotePublicKey, rlpEncode([ephemeralPublic, nonce, HANDSHAKE_VERSION]));
}

/**
 * How many bytes the handshake packet at the front of `buffer` takes, or undefined while too
 * few have arrived to tell. A legacy packet is recognised by decrypting its fixed size.
 */
export function handshakePacketSize(privateKey: Uint8Array, buffer: Uint8Array, legacySize: number): { size: number; legacy: boolean } | undefined {
  if (buffer.length < 2) return undefined;
  if (buffer.length >= legacySize) {
    try {
      eciesDecrypt(privateKey, buffer.subarray(0, legacySize));
      return { size: legacySize, legacy: true };
    } catch {
      // Not a legacy packet: read it as EIP-8 below.
    }
  }
  const size = 2 + ((buffer[0] << 8) | buffer[1]);
  if (size > MAX_HANDSHAKE_SIZE) throw new HandshakeError(`handshake packet of ${size} bytes exceeds ${MAX_HANDSHAKE_SIZE}`);
  if (size < 2 + ECIES_OVERHEAD) throw new HandshakeError(`handshake packet of ${size} bytes is too short`);
  return { size, legacy: false };
}

function openPacket(privateKey: Uint8Array, packet: Uint8Array, legacy: boolean): Uint8Array {
  return legacy ? eciesDecrypt(privateKey, packet) : eciesDecrypt(privateKey, packet.subarray(2), packet.subarray(0, 2));
}

/** Fields of an EIP-8 body (extra list elements and trailing padding are ignored, as EIP-8 asks). */
function eip8Fields(plain: Uint8Array, what: string, count: number): RlpValue[] {
  let value: RlpValue;
  try {
    value = rlpDecodeStream(plain).value;
  } catch (error) {
    throw new HandshakeError(`${what} body is not RLP`, { cause: error });
  }
  const fields = asList(value, what);
  if (fields.length < count) throw new HandshakeError(`${what} body has ${fields.length} fields, expected at least ${count}`);
  return fields;
}

/** Decrypts and checks an auth packet, recovering the initiator's ephemeral key from its signature. */
export function readAuth(staticKey: Uint8Array, packet: Uint8Array, legacy: boolean): AuthBody {
  const plain = openPacket(staticKey, packet, legacy);
  let signature: Uint8Array;
  let initiatorPublicKey: Uint8Array;
  let initiatorNonce: Uint8Array;
  try {
    if (legacy) {
      signature = plain.subarray(0, 65);
      initiatorPublicKey = plain.subarray(97, 161);
      initiatorNonce = plain.subarray(161, 193);
    } else {
      const fields = eip8Fields(plain, 'auth', 4);
      signature = asBytes(fields[0], 'auth signature', 65);
      initiatorPublicKey = asBytes(fields[1], 'auth public key', 64);
      initiatorNonce = asBytes(fields[2], 'auth nonce', 32);
      asUint(fields[3], 'auth version');
    }
  } catch (error) {
    if (error instanceof HandshakeError) throw error;
    throw new HandshakeError(`malformed auth: ${(error as Error).message}`, { cause: error });
  }
  const token = xor(ecdhSharedX(staticKey, initiatorPublicKey), initiatorNonce);
  let initiatorEphemeralPublicKey: Uint8Array;
  try {
    const sig = { r: bytesToBigInt(signature.subarray(0, 32)), s: bytesToBigInt(signature.subarray(32, 64)), yParity: signature[64] };
    initiatorEphemeralPublicKey = recoverPublicKey(token, sig);
  } catch (error) {
    throw new HandshakeError('auth signature does not recover', { cause: error });
  }
  return { initiatorPublicKey, initiatorNonce, initiatorEphemeralPublicKey };
}

/** Decrypts and checks an ack packet. */
export function readAck(staticKey: Uint8Array, packet: Uint8Array, legacy: boolean): AckBody {
  const plain = openPacket(staticKey, packet, legacy);
  if (legacy) return { recipientEphemeralPublicKey: plain.subarray(0, 64), recipientNonce: plain.subarray(64, 96) };
  const fields = eip8Fields(plain, 'ack', 3);
  try {
    return {
      recipientEphemeralPublicKey: asBytes(fields[0], 'ack ephemeral key', 64),
      recipientNonce: asBytes(fields[1], 'ack nonce', 32),
    };
  } catch (error) {
    throw new HandshakeError(`malformed ack: ${(error as Error).message}`, { cause: error });
  }
}
