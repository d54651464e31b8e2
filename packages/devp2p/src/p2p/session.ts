import { asList, asUint, concatBytes, equalBytes, type RlpInput, type RlpValue, rlpDecode, rlpDecodeStream, rlpEncode } from '@cairn/common';
import { type PeerError, ProtocolError, toPeerError } from '../errors';
import type { RlpxConnection } from '../rlpx/connection';
import { type Capability, negotiateCapabilities, type SharedCapability } from './capabilities';
import { DisconnectReason } from './disconnect-reason';
import { decodeHello, encodeHello, type Hello, P2P_DISCONNECT, P2P_HELLO, P2P_PING, P2P_PONG, P2P_VERSION } from './hello';
import { snappyCompress, snappyDecompress } from './snappy';

/** Sub-protocol messages kept while their handler is not attached yet; more is a breach. */
const MAX_EARLY_MESSAGES = 16;

/** Why and by whom a session ended. `error` is set when this side ended it for a fault. */
export interface DisconnectInfo {
  readonly reason: DisconnectReason;
  readonly by: 'local' | 'remote' | 'transport';
  readonly error?: PeerError;
}

export interface SessionOptions {
  readonly clientId: string;
  readonly listenPort: number;
  readonly nodeId: Uint8Array;
  readonly capabilities: readonly Capability[];
  readonly helloTimeoutMs: number;
  /** How often to ping an idle peer, and how long to wait for its pong. */
  readonly pingIntervalMs: number;
  readonly pingTimeoutMs: number;
}

/** Receives one sub-protocol's messages, with ids relative to the sub-protocol (0 = its first). */
export type MessageHandler = (code: number, payload: RlpValue) => void;

/**
 * The devp2p base protocol over one RLPx connection: Hello and capability negotiation, ping and
 * pong, Disconnect, Snappy (from p2p version 5), and routing of sub-protocol messages by id
 * offset. Any fault in what the peer sends ends the session with a Disconnect; none throws out.
 */
export class P2pSession {
  readonly connection: RlpxConnection;
  remoteHello: Hello | undefined;
  shared: SharedCapability[] = [];
  private readonly options: SessionOptions;
  private readonly handlers = new Map<string, MessageHandler>();
  /**
   * Messages of shared capabilities that arrive before their handler is attached: a peer sends
   * its Status right behind its Hello, while the handler is attached once Hello was read.
   */
  private readonly early: { capability: SharedCapability; code: number; payload: RlpValue }[] = [];
  private readonly closeListeners: ((info: DisconnectInfo) => void)[] = [];
  private compression = false;
  private ended: DisconnectInfo | undefined;
  private helloWaiter: { resolve: (h: Hello) => void; reject: (e: Error) => void } | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private pongTimer: NodeJS.Timeout | undefined;

  constructor(connection: RlpxConnection, options: SessionOptions) {
    this.connection = connection;
    this.options = options;
  }

  get remoteId(): Uint8Array {
    return this.connection.remoteId;
  }

  get isOpen(): boolean {
    return this.ended === undefined;
  }

  get disconnectInfo(): DisconnectInfo | undefined {
    return this.ended;
  }

  /** Registers a listener for the end of the session (called once, or at once if already ended). */
  onClose(listener: (info: DisconnectInfo) => void): void {
    if (this.ended) listener(this.ended);
    else this.closeListeners.push(listener);
  }

  /** Sends Hello and waits for the peer's; rejects (after disconnecting) when they cannot talk. */
  start(): Promise<Hello> {
    const hello = new Promise<Hello>((resolve, reject) => (this.helloWaiter = { resolve, reject }));
    const timer = setTimeout(() => this.fail(new ProtocolError('no Hello in time'), DisconnectReason.PingTimeout), this.options.helloTimeoutMs);
    hello.then(
      () => clearTimeout(timer),
      () => clearTimeout(timer),
    );
    // Hello goes out before reading starts: the peer's Hello may already be buffered, and
    // reading it switches on compression, which our own Hello must not get.
    const o = this.options;
    this.sendRaw(P2P_HELLO, encodeHello({ protocolVersion: P2P_VERSION, clientId: o.clientId, capabilities: o.capabilities, listenPort: o.listenPort, nodeId: o.nodeId }));
    this.connection.start({
      onFrame: (body) => this.receive(body),
      onFrameError: (error) => this.fail(error),
      onClose: () => this.finish({ reason: DisconnectReason.TcpError, by: 'transport' }),
    });
    return hello;
  }

  /** Routes the messages of the shared capability `name` to `handler`. */
  attach(name: string, handler: MessageHandler): SharedCapability {
    const capability = this.shared.find((c) => c.name === name);
    if (!capability) throw new ProtocolError(`capability ${name} is not shared with this peer`);
    this.handlers.set(name, handler);
    const waiting = this.early.filter((m) => m.capability === capability);
    this.early.splice(0, this.early.length, ...this.early.filter((m) => m.capability !== capability));
    // Replayed after the caller has finished setting up with the returned capability.
    if (waiting.length > 0) {
      queueMicrotask(() => {
        for (const m of waiting) this.deliver(m.capability, m.code, m.payload);
      });
    }
    return capability;
  }

  /** Sends a message of sub-protocol `capability` (`code` relative to it). */
  send(capability: SharedCapability, code: number, payload: RlpInput): void {
    this.sendEncoded(capability, code, rlpEncode(payload));
  }

  /** Like `send`, with the payload already RLP-encoded (large answers are spliced, not rebuilt). */
  sendEncoded(capability: SharedCapability, code: number, encoded: Uint8Array): void {
    if (code >= capability.length) throw new ProtocolError(`message ${code} is outside ${capability.name}'s id space`);
    this.sendFrame(capability.offset + code, encoded);
  }

  /** Sends Disconnect with `reason` and closes. `error` records the fault that caused it, if any. */
  disconnect(reason: DisconnectReason, error?: PeerError): void {
    if (this.ended) return;
    this.sendRaw(P2P_DISCONNECT, [BigInt(reason)]);
    this.finish({ reason, by: 'local', error });
    this.connection.end();
  }

  private sendRaw(code: number, payload: RlpInput): void {
    this.sendFrame(code, rlpEncode(payload));
  }

  private sendFrame(code: number, encoded: Uint8Array): void {
    if (this.ended) return;
    const body = this.compression ? snappyCompress(encoded) : encoded;
    this.connection.sendFrame(concatBytes(rlpEncode(BigInt(code)), body));
  }

  private receive(frame: Uint8Array): void {
    if (this.ended) return;
    try {
      const { value: idValue, rest } = rlpDecodeStream(frame);
      const code = Number(asUint(idValue, 'message id', 4));
      if (this.remoteHello === undefined && code !== P2P_HELLO && code !== P2P_DISCONNECT) {
        throw new ProtocolError(`message 0x${code.toString(16)} before Hello`);
      }
      const payload = this.decodePayload(code, rest);
      this.dispatch(code, payload);
    } catch (error) {
      this.fail(toPeerError(error, 'bad message'));
    }
  }

  /**
   * The RLP payload of a message: Hello is never compressed, and a peer that refuses us before
   * reading our Hello sends its Disconnect uncompressed, so that one is read either way.
   */
  private decodePayload(code: number, data: Uint8Array): RlpValue {
    if (!this.compression || code === P2P_HELLO) return rlpDecode(data);
    if (code !== P2P_DISCONNECT) return rlpDecode(snappyDecompress(data));
    try {
      return rlpDecode(snappyDecompress(data));
    } catch {
      return rlpDecode(data);
    }
  }

  private dispatch(code: number, payload: RlpValue): void {
    switch (code) {
      case P2P_HELLO:
        this.handleHello(payload);
        return;
      case P2P_DISCONNECT:
        this.handleDisconnect(payload);
        return;
      case P2P_PING:
        this.sendRaw(P2P_PONG, []);
        return;
      case P2P_PONG:
        clearTimeout(this.pongTimer);
        this.pongTimer = undefined;
        return;
    }
    const capability = this.shared.find((c) => code >= c.offset && code < c.offset + c.length);
    if (!capability) throw new ProtocolError(`message id 0x${code.toString(16)} belongs to no shared capability`);
    if (this.handlers.has(capability.name)) {
      this.deliver(capability, code - capability.offset, payload);
      return;
    }
    if (this.early.length >= MAX_EARLY_MESSAGES) throw new ProtocolError('too many messages before the sub-protocol started');
    this.early.push({ capability, code: code - capability.offset, payload });
  }

  /** Hands a message to its sub-protocol; a fault it throws ends the session as a breach. */
  private deliver(capability: SharedCapability, code: number, payload: RlpValue): void {
    if (this.ended) return;
    try {
      this.handlers.get(capability.name)!(code, payload);
    } catch (error) {
      this.fail(toPeerError(error, `bad ${capability.name} message`));
    }
  }

  private handleHello(payload: RlpValue): void {
    if (this.remoteHello) throw new ProtocolError('second Hello');
    const hello = decodeHello(payload);
    this.remoteHello = hello;
    const refusal = this.refuseHello(hello);
    if (refusal) {
      this.fail(refusal[0], refusal[1]);
      return;
    }
    this.compression = hello.protocolVersion >= 5;
    this.schedulePing();
    this.helloWaiter?.resolve(hello);
    this.helloWaiter = undefined;
  }

  /** Why a peer that sent `hello` cannot be talked to, if it cannot; sets the shared capabilities. */
  private refuseHello(hello: Hello): [ProtocolError, DisconnectReason] | undefined {
    if (!equalBytes(hello.nodeId, this.connection.remoteId)) {
      return [new ProtocolError('Hello node id differs from the handshake key'), DisconnectReason.UnexpectedIdentity];
    }
    if (equalBytes(hello.nodeId, this.options.nodeId)) return [new ProtocolError('connected to itself'), DisconnectReason.SelfConnection];
    if (hello.protocolVersion < 4) return [new ProtocolError(`p2p version ${hello.protocolVersion}`), DisconnectReason.IncompatibleVersion];
    this.shared = negotiateCapabilities(this.options.capabilities, hello.capabilities);
    if (this.shared.length === 0) return [new ProtocolError('no shared capability'), DisconnectReason.UselessPeer];
    return undefined;
  }

  private handleDisconnect(payload: RlpValue): void {
    // Some clients send the reason bare, others in a one-element list; an empty list means 0.
    let reason = DisconnectReason.Requested;
    const item = Array.isArray(payload) ? payload[0] : payload;
    if (item instanceof Uint8Array) reason = Number(asUint(item, 'disconnect reason', 1));
    else if (item !== undefined) asList(item, 'disconnect reason');
    this.finish({ reason, by: 'remote' });
    this.connection.destroy();
  }

  private schedulePing(): void {
    this.pingTimer = setInterval(() => {
      if (this.pongTimer) return;
      this.sendRaw(P2P_PING, []);
      this.pongTimer = setTimeout(() => this.fail(new ProtocolError('no pong in time'), DisconnectReason.PingTimeout), this.options.pingTimeoutMs);
    }, this.options.pingIntervalMs);
  }

  private fail(error: PeerError, reason = DisconnectReason.BreachOfProtocol): void {
    this.disconnect(reason, error);
  }

  private finish(info: DisconnectInfo): void {
    if (this.ended) return;
    this.ended = info;
    clearInterval(this.pingTimer);
    clearTimeout(this.pongTimer);
    this.helloWaiter?.reject(info.error ?? new ProtocolError(`disconnected before Hello (reason ${info.reason})`));
    this.helloWaiter = undefined;
    for (const listener of this.closeListeners.splice(0)) listener(info);
  }
}
