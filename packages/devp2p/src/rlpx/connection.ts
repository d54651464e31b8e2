import type { Socket } from 'node:net';
import type { PeerError } from '../errors';
import { FrameError } from '../errors';
import type { ByteQueue } from './byte-queue';
import { FrameCodec } from './frame-codec';
import { acceptHandshake, initiateHandshake } from './handshake';

/** What an RLPx connection reports to its owner once the handshake is done. */
export interface RlpxConnectionHandlers {
  /** One decrypted frame body: RLP message id followed by the (maybe compressed) payload. */
  onFrame(body: Uint8Array): void;
  /**
   * A frame that failed authentication or decoding. Nothing more is read; the owner may still
   * send (a Disconnect), since the outgoing stream is intact.
   */
  onFrameError(error: PeerError): void;
  /** The socket closed, for whatever reason; called once. */
  onClose(): void;
}

/**
 * An authenticated, encrypted RLPx transport over one TCP socket. It knows frames, not messages:
 * the p2p session above it reads message ids, Hello, compression and capabilities.
 */
export class RlpxConnection {
  readonly remoteId: Uint8Array;
  readonly remoteAddress: string;
  readonly remotePort: number;
  /** This end of the connection (admin_peers reports both ends). */
  readonly localAddress: string;
  readonly localPort: number;
  private readonly socket: Socket;
  private readonly codec: FrameCodec;
  private readonly queue: ByteQueue;
  private handlers: RlpxConnectionHandlers | undefined;
  private closed = false;
  /** Set after an undecodable frame: the incoming stream cannot be resynchronised. */
  private broken = false;

  private constructor(socket: Socket, remoteId: Uint8Array, codec: FrameCodec, leftover: ByteQueue) {
    this.socket = socket;
    this.remoteId = remoteId;
    this.codec = codec;
    this.queue = leftover;
    this.remoteAddress = socket.remoteAddress ?? '';
    this.remotePort = socket.remotePort ?? 0;
    this.localAddress = socket.localAddress ?? '';
    this.localPort = socket.localPort ?? 0;
    // Frames that arrive before `start` wait in the socket: reading resumes when handlers exist.
    socket.pause();
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => this.handleClose());
    socket.on('error', () => socket.destroy());
  }

  /** Dials the handshake as initiator on a connected `socket`, towards the node `remoteId`. */
  static async initiate(socket: Socket, privateKey: Uint8Array, remoteId: Uint8Array, timeoutMs: number): Promise<RlpxConnection> {
    const result = await initiateHandshake(socket, privateKey, remoteId, timeoutMs);
    return new RlpxConnection(socket, result.remoteId, new FrameCodec(result.secrets), result.leftover);
  }

  /** Answers the handshake as recipient on an accepted `socket`. */
  static async accept(socket: Socket, privateKey: Uint8Array, timeoutMs: number): Promise<RlpxConnection> {
    const result = await acceptHandshake(socket, privateKey, timeoutMs);
    return new RlpxConnection(socket, result.remoteId, new FrameCodec(result.secrets), result.leftover);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Starts delivering frames (including any that arrived with the handshake) to `handlers`. */
  start(handlers: RlpxConnectionHandlers): void {
    this.handlers = handlers;
    this.drain();
    this.socket.resume();
  }

  /** Sends one frame body. Writes after close are dropped: the peer is gone either way. */
  sendFrame(body: Uint8Array): void {
    if (this.closed || this.socket.destroyed) return;
    this.socket.write(this.codec.encode(body));
  }

  /** Closes after flushing what was written (a Disconnect, typically). */
  end(): void {
    if (!this.socket.destroyed) this.socket.end();
    // A peer that never closes its side must not hold the socket open.
    setTimeout(() => this.socket.destroy(), 2000).unref();
  }

  /** Closes at once. */
  destroy(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    if (this.broken) return;
    this.queue.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    this.drain();
  }

  private drain(): void {
    if (!this.handlers) return;
    while (!this.closed && !this.broken) {
      let body: Uint8Array | undefined;
      try {
        body = this.codec.decode(this.queue);
      } catch (error) {
        this.broken = true;
        this.handlers.onFrameError(error instanceof FrameError ? error : new FrameError(String(error)));
        return;
      }
      if (body === undefined) return;
      this.handlers.onFrame(body);
    }
  }

  private handleClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.handlers?.onClose();
  }
}
