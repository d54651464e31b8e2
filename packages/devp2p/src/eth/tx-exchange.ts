import { bytesToHex, equalBytes, type RlpValue } from '@cairn/common';
import { PeerError } from '../errors';
import type { TxPoolView } from './chain-view';
import { EthCode } from './codes';
import type { EthPeer } from './eth-peer';
import { KnownHashes } from './known-set';
import {
  announcementOf,
  decodeGetPooledTransactions,
  decodePooledHashes,
  decodePooledTransactions,
  decodeTransactions,
  encodeGetPooledTransactions,
  encodePooledHashes,
  encodePooledTransactions,
  encodeTransactions,
  type TxAnnouncement,
  txHash,
} from './transactions';

/** Hashes asked for in one GetPooledTransactions (geth and Besu use the same figure). */
const MAX_HASHES_PER_REQUEST = 256;

/**
 * Transaction gossip with one peer: sending transactions whole or as announcements (the eth/68
 * form with types and sizes), fetching the ones it announces that the pool lacks, and checking
 * that what comes back is what was asked for and announced.
 */
export class TxExchange {
  readonly known = new KnownHashes(32768);
  private readonly peer: EthPeer;
  private readonly pool: TxPoolView | undefined;
  /** Hashes requested from this peer and not yet answered, with what was announced for each. */
  private readonly fetching = new Map<string, TxAnnouncement>();

  constructor(peer: EthPeer, pool: TxPoolView | undefined) {
    this.peer = peer;
    this.pool = pool;
  }

  /** Sends transactions (binary form) whole, leaving out those the peer already has. */
  send(txs: readonly Uint8Array[]): void {
    const fresh = txs.filter((tx) => !this.known.has(txHash(tx)));
    if (fresh.length === 0) return;
    for (const tx of fresh) this.known.add(txHash(tx));
    this.peer.session.sendEncoded(this.peer.capability, EthCode.Transactions, encodeTransactions(fresh));
  }

  /** Announces transactions by hash (with type and size from eth/68), leaving out known ones. */
  announce(txs: readonly Uint8Array[]): void {
    const entries = txs.map(announcementOf).filter((e) => !this.known.has(e.hash));
    if (entries.length === 0) return;
    for (const e of entries) this.known.add(e.hash);
    this.peer.session.send(this.peer.capability, EthCode.NewPooledTransactionHashes, encodePooledHashes(this.peer.version, entries));
  }

  /** Fetches pooled transactions by hash; the answer is checked against the request. */
  async fetch(announced: readonly TxAnnouncement[]): Promise<Uint8Array[]> {
    for (const a of announced) this.fetching.set(bytesToHex(a.hash), a);
    const hashes = announced.map((a) => a.hash);
    try {
      const list = await this.peer.request(EthCode.PooledTransactions, (id) =>
        this.peer.session.send(this.peer.capability, EthCode.GetPooledTransactions, encodeGetPooledTransactions(id, hashes)),
      );
      const txs = list as Uint8Array[];
      for (const tx of txs) this.checkDelivered(tx, announced);
      return txs;
    } finally {
      for (const h of hashes) this.fetching.delete(bytesToHex(h));
    }
  }

  /** Handles a transaction message; false when `code` is not one. */
  receive(code: number, payload: RlpValue, serve: (answer: () => Uint8Array) => void): boolean {
    switch (code) {
      case EthCode.Transactions: {
        const txs = decodeTransactions(payload);
        for (const tx of txs) this.known.add(txHash(tx));
        this.pool?.addRemoteTransactions(txs, this.peer.ref);
        return true;
      }
      case EthCode.NewPooledTransactionHashes:
        this.receiveAnnouncements(decodePooledHashes(this.peer.version, payload));
        return true;
      case EthCode.GetPooledTransactions: {
        const { requestId, hashes } = decodeGetPooledTransactions(payload);
        serve(() => encodePooledTransactions(requestId, this.pool?.getTransactions(hashes.slice(0, MAX_HASHES_PER_REQUEST)) ?? []));
        return true;
      }
      case EthCode.PooledTransactions: {
        const { requestId, txs } = decodePooledTransactions(payload);
        // The tracker hands the binary transactions to `fetch`, which checks them.
        this.peer.deliverResponse(requestId, code, txs);
        return true;
      }
      default:
        return false;
    }
  }

  private receiveAnnouncements(entries: TxAnnouncement[]): void {
    for (const e of entries) this.known.add(e.hash);
    const pool = this.pool;
    if (!pool) return;
    const wanted = entries.filter((e) => !pool.has(e.hash) && !this.fetching.has(bytesToHex(e.hash)));
    for (let i = 0; i < wanted.length; i += MAX_HASHES_PER_REQUEST) {
      this.fetch(wanted.slice(i, i + MAX_HASHES_PER_REQUEST)).then(
        (txs) => txs.length > 0 && pool.addRemoteTransactions(txs, this.peer.ref),
        () => {
          // Timeouts and disconnects end the fetch; offences were handled where they were found.
        },
      );
    }
  }

  /** A delivered transaction must have been asked for and, from eth/68, match its announcement. */
  private checkDelivered(tx: Uint8Array, announced: readonly TxAnnouncement[]): void {
    const actual = announcementOf(tx);
    const entry = announced.find((a) => equalBytes(a.hash, actual.hash));
    let fault: string | undefined;
    if (!entry) fault = `transaction ${bytesToHex(actual.hash)} was not requested`;
    else if (entry.type !== undefined && (entry.type !== actual.type || entry.size !== actual.size)) {
      fault = `transaction ${bytesToHex(actual.hash)} is type ${actual.type}, ${actual.size} bytes; announced type ${entry.type}, ${entry.size} bytes`;
    }
    if (fault) {
      const error = new PeerError('BAD_POOLED_TRANSACTION', fault);
      this.peer.offence(error);
      throw error;
    }
  }
}
