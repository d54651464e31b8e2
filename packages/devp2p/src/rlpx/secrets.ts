import { concatBytes, ecdhSharedX, keccak256 } from '@cairn/common';
import { xor } from './handshake-messages';
import { RlpxMac } from './mac';

/** The keys of one RLPx session, derived from the handshake. */
export interface SessionSecrets {
  readonly aesSecret: Uint8Array;
  readonly macSecret: Uint8Array;
  readonly egressMac: RlpxMac;
  readonly ingressMac: RlpxMac;
}

export interface HandshakeTranscript {
  readonly initiator: boolean;
  readonly ephemeralKey: Uint8Array;
  readonly remoteEphemeralPublicKey: Uint8Array;
  readonly initiatorNonce: Uint8Array;
  readonly recipientNonce: Uint8Array;
  /** The auth and ack packets exactly as they crossed the wire (size prefix included). */
  readonly authPacket: Uint8Array;
  readonly ackPacket: Uint8Array;
}

/**
 * The session secrets both sides compute from the ephemeral ECDH and both nonces. Each MAC is
 * seeded with the packet its direction carried during the handshake: the initiator's egress
 * with `(mac-secret ^ recipient-nonce) || auth`, its ingress with `(mac-secret ^
 * initiator-nonce) || ack`, and the recipient the other way round.
 */
export function deriveSecrets(t: HandshakeTranscript): SessionSecrets {
  const ephemeralShared = ecdhSharedX(t.ephemeralKey, t.remoteEphemeralPublicKey);
  const sharedSecret = keccak256(concatBytes(ephemeralShared, keccak256(concatBytes(t.recipientNonce, t.initiatorNonce))));
  const aesSecret = keccak256(concatBytes(ephemeralShared, sharedSecret));
  const macSecret = keccak256(concatBytes(ephemeralShared, aesSecret));
  const authSeed = concatBytes(xor(macSecret, t.recipientNonce), t.authPacket);
  const ackSeed = concatBytes(xor(macSecret, t.initiatorNonce), t.ackPacket);
  return {
    aesSecret,
    macSecret,
    egressMac: new RlpxMac(macSecret, t.initiator ? authSeed : ackSeed),
    ingressMac: new RlpxMac(macSecret, t.initiator ? ackSeed : authSeed),
  };
}
