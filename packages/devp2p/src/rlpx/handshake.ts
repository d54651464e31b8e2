import type { Socket } from 'node:net';
import { randomPrivateKey } from '@cairn/common';
import { randomBytes } from '@noble/hashes/utils.js';
import { HandshakeError } from '../errors';
import { ByteQueue } from './byte-queue';
import {
  createAck,
  createAuth,
  handshakePacketSize,
  LEGACY_ACK_SIZE,
  LEGACY_AUTH_SIZE,
  readAck,
  readAuth,
} from './handshake-messages';
import { deriveSecrets, type SessionSecrets } from './secrets';

/** The outcome of a completed handshake: who the remote is, the keys, and any bytes read past it. */
export interface HandshakeResult {
  readonly remoteId: Uint8Array;
  readonly secrets: SessionSecrets;
  readonly leftover: ByteQueue;
}

/**
 * Reads one handshake packet from `socket`, failing after `timeoutMs`, on close, or on a packet
 * that cannot be read. Resolves with the packet and whether it was in the legacy format.
 */
function readPacket(
  socket: Socket,
  queue: ByteQueue,
  privateKey: Uint8Array,
  legacySize: number,
  timeoutMs: number,
): Promise<{ packet: Uint8Array; legacy: boolean }> {
  return new Promise((resolve, reject) => {
    const finish = (error: Error | undefined, value?: { packet: Uint8Array; legacy: boolean }) => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
      socket.off('error', onClose);
      if (error) reject(error);
      else resolve(value!);
    };
    const tryRead = () => {
      try {
        const found = handshakePacketSize(privateKey, queue.peek(Math.min(queue.length, legacySize)), legacySize);
        if (found && queue.length >= found.size) finish(undefined, { packet: queue.take(found.size), legacy: found.legacy });
      } catch (error) {
        finish(error as Error);
      }
    };
    const onData = (chunk: Buffer) => {
      queue.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      tryRead();
    };
    const onClose = () => finish(new HandshakeError('connection closed during the handshake'));
    const timer = setTimeout(() => finish(new HandshakeError(`handshake timed out after ${timeoutMs} ms`)), timeoutMs);
    socket.on('data', onData);
    socket.on('close', onClose);
    socket.on('error', onClose);
    if (queue.length > 0) tryRead();
  });
}

function write(socket: Socket, data: Uint8Array): void {
  if (!socket.destroyed) socket.write(data);
}

/** The initiator's side: send auth to `remoteId`, read the ack, derive the session keys. */
export async function initiateHandshake(socket: Socket, privateKey: Uint8Array, remoteId: Uint8Array, timeoutMs: number): Promise<HandshakeResult> {
  const ephemeralKey = randomPrivateKey();
  const initiatorNonce = randomBytes(32);
  const authPacket = createAuth(privateKey, ephemeralKey, initiatorNonce, remoteId);
  write(socket, authPacket);
  const queue = new ByteQueue();
  const { packet: ackPacket, legacy } = await readPacket(socket, queue, privateKey, LEGACY_ACK_SIZE, timeoutMs);
  const ack = readAck(privateKey, ackPacket, legacy);
  const secrets = deriveSecrets({
    initiator: true,
    ephemeralKey,
    remoteEphemeralPublicKey: ack.recipientEphemeralPublicKey,
    initiatorNonce,
    recipientNonce: ack.recipientNonce,
    authPacket,
    ackPacket,
  });
  return { remoteId, secrets, leftover: queue };
}

/** The recipient's side: read auth, answer with ack, derive the session keys. */
export async function acceptHandshake(socket: Socket, privateKey: Uint8Array, timeoutMs: number): Promise<HandshakeResult> {
  const queue = new ByteQueue();
  const { packet: authPacket, legacy } = await readPacket(socket, queue, privateKey, LEGACY_AUTH_SIZE, timeoutMs);
  const auth = readAuth(privateKey, authPacket, legacy);
  const ephemeralKey = randomPrivateKey();
  const recipientNonce = randomBytes(32);
  const ackPacket = createAck(ephemeralKey, recipientNonce, auth.initiatorPublicKey, legacy);
  write(socket, ackPacket);
  const secrets = deriveSecrets({
    initiator: false,
    ephemeralKey,
    remoteEphemeralPublicKey: auth.initiatorEphemeralPublicKey,
    initiatorNonce: auth.initiatorNonce,
    recipientNonce,
    authPacket,
    ackPacket,
  });
  return { remoteId: auth.initiatorPublicKey, secrets, leftover: queue };
}

