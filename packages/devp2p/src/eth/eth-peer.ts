import { bytesToHex, type RlpValue } from '@cairn/common';
import { PeerError, ProtocolError, RequestError } from '../errors';
import type { ForkIdSchedule } from '../forkid/fork-id';
import type { SharedCapability } from '../p2p/capabilities';
import { DisconnectReason } from '../p2p/disconnect-reason';
import type { P2pSession } from '../p2p/session';
import { type BlockAnnouncement, decodeNewBlock, decodeNewBlockHashes, encodeNewBlock, encodeNewBlockHashes } from './announcements';
import { decodeBlockBodies, decodeGetBlockBodies, encodeBlockBodies, encodeGetBlockBodies } from './bodies';
import type { BlockSink, ChainView, PeerRef, TxPoolView } from './chain-view';
import { EthCode } from './codes';
import { decodeBlockHeaders, decodeGetBlockHeaders, encodeBlockHeaders, encodeGetBlockHeaders, type HeadersQuery } from './headers';
import { KnownHashes } from './known-set';
import { decodeGetReceipts, decodeReceipts, encodeGetReceipts, encodeReceipts } from './receipts';
import { openEnvelope } from './request-envelope';
import { RequestTracker } from './request-tracker';
import { encodedItem, encodeWithRequestId } from './rlp-raw';
import { EthServer, type ServeLimits } from './server';
import { decodeStatus, encodeStatus, type Status, statusMismatch } from './status';
import { TxExchange } from './tx-exchange';

/** eth/66's state-data request and answer ids (dropped in eth/67). */
const GET_NODE_DATA = 0x0d;
const NODE_DATA = 0x0e;

export interface EthPeerOptions {
  readonly statusTimeoutMs: number;
  readonly requestTimeoutMs: number;
  /** Requests this node keeps outstanding to one peer; more wait. */
  readonly maxRequestsInFlight: number;
  /** Requests from one peer waiting to be answered; a peer that queues more is disconnected. */
  readonly maxQueuedInbound: number;
  readonly serveLimits: ServeLimits;
}

/** What the eth protocol is wired to: the node's chain, and optionally its block and tx handling. */
export interface EthDependencies {
  readonly chain: ChainView;
  readonly forkIds: ForkIdSchedule;
  readonly blocks?: BlockSink;
  readonly txPool?: TxPoolView;
}

/**
 * The eth protocol (66, 67, 68) with one peer: the Status handshake and its checks, answering
 * requests from the chain, requests with ids and timeouts, and block and transaction gossip.
 * Whatever the peer sends wrong ends in a disconnect with a reason and the recorded fault.
 */
export class EthPeer {
  readonly session: P2pSession;
  readonly capability: SharedCapability;
  readonly ref: PeerRef;
  remoteStatus: Status | undefined;
  /** Best block the peer has told of (its Status head, then announcements). */
  bestHash: Uint8Array | undefined;
  bestNumber: bigint | undefined;
  readonly knownBlocks = new KnownHashes(1024);
  private readonly deps: EthDependencies;
  private readonly options: EthPeerOptions;
  private readonly tracker: RequestTracker;
  private readonly server: EthServer;
  private readonly txs: TxExchange;
  private statusWaiter: { resolve: (s: Status) => void; reject: (e: Error) => void } | undefined;
  private serving: Promise<void> = Promise.resolve();
  private queuedInbound = 0;

  constructor(session: P2pSession, deps: EthDependencies, options: EthPeerOptions) {
    this.session = session;
    this.deps = deps;
    this.options = options;
    this.ref = { nodeId: session.remoteId, address: session.connection.remoteAddress };
    this.capability = session.attach('eth', (code, payload) => this.receive(code, payload));
    this.tracker = new RequestTracker(options.maxRequestsInFlight, options.requestTimeoutMs);
    this.server = new EthServer(deps.chain, deps.txPool, options.serveLimits);
    this.txs = new TxExchange(this, deps.txPool);
    session.onClose((info) => {
      this.tracker.close(new RequestError('PEER_GONE', `peer disconnected (reason ${info.reason})`));
      this.settleStatus();
    });
  }

  get version(): number {
    return this.capability.version;
  }

  /** Sends this node's Status and waits for the peer's; on any mismatch the peer is disconnected. */
  handshake(): Promise<Status> {
    const status = new Promise<Status>((resolve, reject) => (this.statusWaiter = { resolve, reject }));
    const timer = setTimeout(() => this.offence(new PeerError('STATUS_TIMEOUT', 'no Status in time'), DisconnectReason.UselessPeer), this.options.statusTimeoutMs);
    status.then(
      () => clearTimeout(timer),
      () => clearTimeout(timer),
    );
    this.session.send(this.capability, EthCode.Status, encodeStatus(this.localStatus()));
    this.settleStatus();
    return status;
  }

  /** Settles `handshake` once the peer's Status was accepted, or the session has ended. */
  private settleStatus(): void {
    if (!this.statusWaiter) return;
    const info = this.session.disconnectInfo;
    if (info) this.statusWaiter.reject(info.error ?? new RequestError('PEER_GONE', `peer disconnected (reason ${info.reason})`));
    else if (this.remoteStatus) this.statusWaiter.resolve(this.remoteStatus);
    else return;
    this.statusWaiter = undefined;
  }

  /** The Status this node announces now. */
  localStatus(): Status {
    const head = this.deps.chain.head();
    return {
      version: this.version,
      networkId: this.deps.chain.networkId,
      totalDifficulty: head.totalDifficulty,
      headHash: head.hash,
      genesisHash: this.deps.chain.genesisHash,
      forkId: this.deps.forkIds.forkIdAt(head),
    };
  }

  async getBlockHeaders(query: HeadersQuery): Promise<Uint8Array[]> {
    const list = await this.request(EthCode.BlockHeaders, (id) => this.session.send(this.capability, EthCode.GetBlockHeaders, encodeGetBlockHeaders(id, query)));
    return this.checkCount(list, query.limit, 'BlockHeaders');
  }

  async getBlockBodies(hashes: readonly Uint8Array[]): Promise<Uint8Array[]> {
    const list = await this.request(EthCode.BlockBodies, (id) => this.session.send(this.capability, EthCode.GetBlockBodies, encodeGetBlockBodies(id, hashes)));
    return this.checkCount(list, BigInt(hashes.length), 'BlockBodies');
  }

  async getReceipts(hashes: readonly Uint8Array[]): Promise<Uint8Array[]> {
    const list = await this.request(EthCode.Receipts, (id) => this.session.send(this.capability, EthCode.GetReceipts, encodeGetReceipts(id, hashes)));
    return this.checkCount(list, BigInt(hashes.length), 'Receipts');
  }

  /** Sends a whole block (encoded) with the total difficulty it brings the chain to. */
  sendNewBlock(block: Uint8Array, hash: Uint8Array, totalDifficulty: bigint): void {
    this.knownBlocks.add(hash);
    this.session.sendEncoded(this.capability, EthCode.NewBlock, encodeNewBlock(block, totalDifficulty));
  }

  sendNewBlockHashes(entries: readonly BlockAnnouncement[]): void {
    for (const e of entries) this.knownBlocks.add(e.hash);
    this.session.send(this.capability, EthCode.NewBlockHashes, encodeNewBlockHashes(entries));
  }

  /** Transaction gossip with this peer (full sends, announcements, fetching what it announces). */
  get transactions(): TxExchange {
    return this.txs;
  }

  /** Issues a request and returns the list in its answer (the tracker matches the id). */
  async request(responseCode: EthCode, send: (requestId: bigint) => void): Promise<RlpValue[]> {
    return (await this.tracker.request(responseCode, send)) as RlpValue[];
  }

  /** Hands an answer to the request it belongs to (late or unknown answers are dropped). */
  deliverResponse(requestId: bigint, responseCode: number, payload: RlpValue): void {
    this.tracker.deliver(requestId, responseCode, payload);
  }

  /** Ends the session for a fault of the peer's; the peer manager records `error` as its offence. */
  offence(error: PeerError, reason = DisconnectReason.BreachOfProtocol): void {
    this.session.disconnect(reason, error);
  }

  private checkCount(list: RlpValue[], limit: bigint, what: string): Uint8Array[] {
    if (BigInt(list.length) > limit) {
      const error = new ProtocolError(`${what} answer holds ${list.length} items, ${limit} were asked for`);
      this.offence(error);
      throw error;
    }
    return list.map(encodedItem);
  }

  private receive(code: number, payload: RlpValue): void {
    if (code === EthCode.Status) {
      this.receiveStatus(payload);
      return;
    }
    if (!this.remoteStatus) throw new ProtocolError(`eth message 0x${code.toString(16)} before Status`);
    switch (code) {
      case EthCode.GetBlockHeaders: {
        const { requestId, query } = decodeGetBlockHeaders(payload);
        this.serve(async () => encodeBlockHeaders(requestId, await this.server.headers(query)), EthCode.BlockHeaders);
        return;
      }
      case EthCode.GetBlockBodies: {
        const { requestId, hashes } = decodeGetBlockBodies(payload);
        this.serve(async () => encodeBlockBodies(requestId, await this.server.bodies(hashes)), EthCode.BlockBodies);
        return;
      }
      case EthCode.GetReceipts: {
        const { requestId, hashes } = decodeGetReceipts(payload);
        this.serve(async () => encodeReceipts(requestId, await this.server.receipts(hashes)), EthCode.Receipts);
        return;
      }
      case EthCode.BlockHeaders: {
        const { requestId, headers } = decodeBlockHeaders(payload);
        this.tracker.deliver(requestId, code, headers);
        return;
      }
      case EthCode.BlockBodies: {
        const { requestId, bodies } = decodeBlockBodies(payload);
        this.tracker.deliver(requestId, code, bodies);
        return;
      }
      case EthCode.Receipts: {
        const { requestId, receipts } = decodeReceipts(payload);
        this.tracker.deliver(requestId, code, receipts);
        return;
      }
      case EthCode.NewBlockHashes:
        this.receiveBlockHashes(decodeNewBlockHashes(payload));
        return;
      case EthCode.NewBlock:
        this.receiveNewBlock(payload);
        return;
      case GET_NODE_DATA: {
        if (this.version !== 66) break;
        // eth/66 still defines state requests; this node serves state over no protocol, so it
        // answers with none of the items, which the spec allows (answers may be partial).
        const { requestId } = openEnvelope(payload, 'GetNodeData');
        this.serve(() => encodeWithRequestId(requestId, new Uint8Array([0xc0])), NODE_DATA);
        return;
      }
    }
    if (!this.txs.receive(code, payload, (answer) => this.serve(answer, EthCode.PooledTransactions))) {
      throw new ProtocolError(`eth/${this.version} has no message 0x${code.toString(16)}`);
    }
  }

  private receiveStatus(payload: RlpValue): void {
    if (this.remoteStatus) throw new ProtocolError('second Status');
    const remote = decodeStatus(payload);
    const local = this.localStatus();
    const mismatch = statusMismatch(local, remote, (id) => this.deps.forkIds.validate(id, this.deps.chain.head()));
    if (mismatch) {
      const code = `WRONG_${mismatch.toUpperCase().replaceAll('-', '_')}`;
      this.offence(new PeerError(code, `Status ${mismatch} mismatch`), DisconnectReason.SubprotocolReason);
      return;
    }
    this.remoteStatus = remote;
    this.bestHash = remote.headHash;
    this.settleStatus();
  }

  private receiveBlockHashes(entries: BlockAnnouncement[]): void {
    for (const e of entries) this.knownBlocks.add(e.hash);
    const last = entries.at(-1);
    if (last && (this.bestNumber === undefined || last.number > this.bestNumber)) {
      this.bestHash = last.hash;
      this.bestNumber = last.number;
    }
    this.deps.blocks?.onNewBlockHashes(entries, this.ref);
  }

  private receiveNewBlock(payload: RlpValue): void {
    const block = decodeNewBlock(payload);
    this.knownBlocks.add(block.hash);
    if (this.bestNumber === undefined || block.number > this.bestNumber) {
      this.bestHash = block.hash;
      this.bestNumber = block.number;
    }
    const sink = this.deps.blocks;
    if (!sink) return;
    sink.onNewBlock(block, this.ref).then(
      (verdict) => {
        if (!verdict.valid) this.offence(new PeerError('INVALID_BLOCK', `block ${block.number} ${bytesToHex(block.hash)}: ${verdict.reason}`));
      },
      () => {
        // A failure inside the node's own import is the node's problem, not the peer's.
      },
    );
  }

  /**
   * Answers requests one at a time, in order. A peer with more than `maxQueuedInbound` requests
   * waiting is flooding and is disconnected.
   */
  private serve(answer: () => Promise<Uint8Array> | Uint8Array, responseCode: number): void {
    if (++this.queuedInbound > this.options.maxQueuedInbound) {
      this.offence(new PeerError('REQUEST_FLOOD', `more than ${this.options.maxQueuedInbound} requests waiting`));
      return;
    }
    this.serving = this.serving.then(async () => {
      try {
        const encoded = await answer();
        this.session.sendEncoded(this.capability, responseCode, encoded);
      } catch {
        // The chain failed to read: the request goes unanswered and the peer's timeout handles it.
      } finally {
        this.queuedInbound--;
      }
    });
  }
}
