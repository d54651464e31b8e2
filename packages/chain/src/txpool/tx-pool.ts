import { type Address, bytesToHex, CairnError, compareBytes } from '@cairn/common';
import type { BlobSidecar } from '../transactions/blob-network';
import { Transaction } from '../transactions/transaction';
import { checkAccount, checkStateless, type Origin } from './admission';
import type { BlobProofVerifier } from './blobs';
import { TxPoolError } from './errors';
import { pickEvictionVictim } from './eviction';
import { type DropReason, ListenerSet, type TxPoolListener } from './listeners';
import { type ResolvedTxPoolOptions, resolveTxPoolOptions, type TxPoolOptions } from './options';
import type { CanonicalHeadUpdate, PoolAccounts, PoolHead } from './pool-chain';
import { replacementShortfall, upfrontCost } from './pricing';
import { type BlockLimits, selectTransactions } from './selection';
import { type PoolEntry, SenderQueue } from './sender-queue';
import { decodeSubmission } from './submission';

export interface TransactionPoolDependencies {
  /** The canonical head when the pool starts; later heads arrive through `onCanonicalHead`. */
  readonly head: PoolHead;
  readonly accounts: PoolAccounts;
  readonly options?: TxPoolOptions;
  /** KZG proof checks for blob transactions; without it blob transactions are refused. */
  readonly blobVerifier?: BlobProofVerifier;
  /** Milliseconds since the epoch, for `addedAt` and retention; `Date.now` by default. */
  readonly clock?: () => number;
  /** Where errors thrown by listeners go (the node logs them); they never reach the pool's callers. */
  readonly onListenerError: (error: unknown) => void;
}

/** A pooled transaction as queries and block selection see it. */
export interface PooledTransaction {
  readonly transaction: Transaction;
  readonly hash: Uint8Array;
  readonly sender: Address;
  /** Executable now (`pending`), or waiting behind a nonce gap (`queued`). */
  readonly state: 'pending' | 'queued';
  /** Whether it came through this node's RPC (Besu's `isReceivedFromLocalSource`). */
  readonly isLocal: boolean;
  /** When it entered the pool, in milliseconds since the epoch. */
  readonly addedAt: number;
  readonly sidecar: BlobSidecar | undefined;
}

export interface AddResult {
  readonly hash: Uint8Array;
  readonly state: 'pending' | 'queued';
  /** The hash of the transaction this one replaced (same sender and nonce). */
  readonly replaced?: Uint8Array;
}

const HOUR_MS = 3_600_000;

/**
 * The transaction pool: per-sender nonce queues (pending and queued), admission with Besu's
 * rejection reasons, replacement by fee bump, a global size limit with eviction of the cheapest,
 * base-fee aware selection for blocks, and upkeep on every new canonical head (included
 * transactions removed, senders re-checked, transactions of reorged-out blocks re-injected).
 *
 * Operations that read account state (`add`, `onCanonicalHead`) run one at a time, in call
 * order, and change nothing until every read has answered, so a refusal or a failed read leaves
 * the pool as it was.
 */
export class TransactionPool {
  readonly options: ResolvedTxPoolOptions;
  #head: PoolHead;
  readonly #accounts: PoolAccounts;
  readonly #verifier: BlobProofVerifier | undefined;
  readonly #clock: () => number;
  readonly #senders = new Map<string, SenderQueue>();
  readonly #byHash = new Map<string, PoolEntry>();
  readonly #listeners: ListenerSet;
  #sequence = 0;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(deps: TransactionPoolDependencies) {
    this.options = resolveTxPoolOptions(deps.options);
    this.#head = deps.head;
    this.#accounts = deps.accounts;
    this.#verifier = deps.blobVerifier;
    this.#clock = deps.clock ?? Date.now;
    this.#listeners = new ListenerSet(deps.onListenerError);
  }

  get head(): PoolHead {
    return this.#head;
  }

  /** The most transactions the pool holds (`--tx-pool-max-size`). */
  get maxSize(): number {
    return this.options.maxSize;
  }

  /** How many transactions the pool holds. */
  get size(): number {
    return this.#byHash.size;
  }

  /** Adds `listener`, returning the function that removes it. */
  subscribe(listener: TxPoolListener): () => void {
    return this.#listeners.add(listener);
  }

  /**
   * Validates and adds a transaction. Resolves with its hash and state, or rejects with a
   * `TxPoolError` saying why it was refused (the pool is then unchanged).
   */
  add(transaction: Transaction, origin: Origin = { local: false }): Promise<AddResult> {
    return this.#exclusive(() => this.#admit(transaction, origin));
  }

  /**
   * Decodes submitted bytes (the canonical encoding, or a blob transaction's network form with
   * its sidecar) and adds the transaction. Undecodable bytes reject with the decoder's
   * `RlpError` or `DecodeError`.
   */
  async addRaw(bytes: Uint8Array, origin: { readonly local: boolean }): Promise<AddResult> {
    const { transaction, sidecar } = decodeSubmission(bytes);
    return this.add(transaction, { local: origin.local, sidecar });
  }

  /**
   * Moves the pool to a new canonical head: removes the transactions now included, re-reads the
   * account of every sender with a transaction in the added or removed blocks and drops what
   * that account can no longer execute (nonce used, cost above balance), drops expired
   * transactions, then re-adds the transactions of removed blocks that the new chain does not
   * hold (as remote ones; blob transactions cannot return, their sidecars are gone).
   */
  onCanonicalHead(update: CanonicalHeadUpdate): Promise<void> {
    return this.#exclusive(async () => {
      const included = new Set(update.added.map((tx) => bytesToHex(tx.hash())));
      const queues = this.#affectedQueues([...update.added, ...update.removed]);
      const accounts = await Promise.all(queues.map((queue) => this.#readAccount(queue.sender)));
      this.#head = update.head;
      const drops: [PoolEntry, DropReason][] = [];
      for (const key of included) {
        const entry = this.#byHash.get(key);
        if (entry) this.#remove(entry);
      }
      queues.forEach((queue, i) => {
        [queue.accountNonce, queue.balance] = accounts[i];
        drops.push(...this.#revalidate(queue));
      });
      drops.push(...this.#removeExpired());
      for (const [entry, reason] of drops) this.#listeners.dropped(entry, reason);
      await this.#reinject(update.removed.filter((tx) => !included.has(bytesToHex(tx.hash()))));
    });
  }

  /** Drops the transactions older than the retention period, returning how many left. */
  dropExpired(): number {
    const drops = this.#removeExpired();
    for (const [entry, reason] of drops) this.#listeners.dropped(entry, reason);
    return drops.length;
  }

  /** The executable transactions for a block with these limits, in the order to include them (see `selectTransactions`). */
  selectTransactions(limits: BlockLimits): PooledTransaction[] {
    return selectTransactions(this.#senders.values(), limits).map((entry) => this.#view(entry));
  }

  /** The pooled transaction with this hash. */
  get(hash: Uint8Array): PooledTransaction | undefined {
    const entry = this.#byHash.get(bytesToHex(hash));
    return entry && this.#view(entry);
  }

  /** Every pooled transaction, by sender and nonce. */
  transactions(): PooledTransaction[] {
    const queues = [...this.#senders.values()].sort((a, b) => compareBytes(a.sender, b.sender));
    return queues.flatMap((queue) => queue.entries().map((entry) => this.#view(entry, queue)));
  }

  /** One sender's transactions, pending and queued, by nonce (`txpool_contentFrom`). */
  contentOf(sender: Address): { pending: PooledTransaction[]; queued: PooledTransaction[] } {
    const queue = this.#senders.get(bytesToHex(sender));
    const all = queue ? queue.entries().map((entry) => this.#view(entry, queue)) : [];
    return { pending: all.filter((t) => t.state === 'pending'), queued: all.filter((t) => t.state === 'queued') };
  }

  /** How many transactions are executable and how many wait behind a gap (`txpool_status`). */
  status(): { pending: number; queued: number } {
    let pending = 0;
    for (const queue of this.#senders.values()) pending += queue.pending().length;
    return { pending, queued: this.size - pending };
  }

  /** Besu's `txpool_besuStatistics`. */
  statistics(): { maxSize: number; localCount: number; remoteCount: number } {
    let localCount = 0;
    for (const entry of this.#byHash.values()) if (entry.local) localCount++;
    return { maxSize: this.options.maxSize, localCount, remoteCount: this.size - localCount };
  }

  /** The nonce `sender`'s next transaction should have, counting its executable pooled ones (`eth_getTransactionCount` at `pending`). */
  async nextNonce(sender: Address): Promise<bigint> {
    const [accountNonce] = await this.#readAccount(sender);
    const queue = this.#senders.get(bytesToHex(sender));
    let next = accountNonce;
    while (queue?.get(next)) next++;
    return next;
  }

  /** Runs `operation` after every operation queued before it, whether they succeeded or not. */
  #exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(operation, operation);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  async #admit(tx: Transaction, origin: Origin): Promise<AddResult> {
    if (!(tx instanceof Transaction)) throw new TxPoolError('INVALID_TRANSACTION', 'not a decoded transaction');
    const hash = tx.hash();
    const key = bytesToHex(hash);
    if (this.#byHash.has(key)) throw new TxPoolError('ALREADY_KNOWN', `transaction ${key} is already in the pool`);
    checkStateless(tx, origin, this.#head, this.options, this.#verifier);
    const sender = tx.sender();
    const [accountNonce, balance] = await this.#readAccount(sender);
    if (this.#byHash.has(key)) throw new TxPoolError('ALREADY_KNOWN', `transaction ${key} is already in the pool`);
    checkAccount(tx, accountNonce, balance, this.options.senderLimit);
    const senderKey = bytesToHex(sender);
    const existing = this.#senders.get(senderKey)?.get(tx.nonce);
    if (existing) {
      const shortfall = replacementShortfall(existing.transaction, tx, this.options.priceBumpPercent, this.options.blobPriceBumpPercent);
      if (shortfall) throw new TxPoolError('REPLACEMENT_UNDERPRICED', shortfall);
    }
    const entry: PoolEntry = { transaction: tx, hash, key, sender, local: origin.local, addedAt: this.#clock(), sequence: this.#sequence++, sidecar: origin.sidecar };
    const queue = this.#senders.get(senderKey) ?? new SenderQueue(sender, accountNonce, balance);
    const { replaced, evicted } = this.#insert(queue, entry);
    if (evicted) this.#listeners.dropped(evicted, 'evicted');
    if (replaced) this.#listeners.dropped(replaced, 'replaced');
    this.#listeners.added(entry);
    return { hash, state: queue.isPending(tx.nonce) ? 'pending' : 'queued', ...(replaced && { replaced: replaced.hash }) };
  }

  /**
   * Puts `entry` into `queue`, replacing the entry at its nonce if any, then makes room: over the
   * blob limit it evicts the cheapest blob transaction, over the size limit the cheapest of all.
   * Each adds one entry at most, so one eviction restores both limits. When the entry itself
   * would be evicted, everything is put back as it was and the admission refused.
   */
  #insert(queue: SenderQueue, entry: PoolEntry): { replaced?: PoolEntry; evicted?: PoolEntry } {
    const senderKey = bytesToHex(entry.sender);
    this.#senders.set(senderKey, queue);
    this.#byHash.set(entry.key, entry);
    const replaced = queue.put(entry);
    if (replaced) this.#byHash.delete(replaced.key);
    const isBlob = (e: PoolEntry) => e.transaction.blobVersionedHashes.length > 0;
    let evicted: PoolEntry | undefined;
    if (isBlob(entry) && [...this.#byHash.values()].filter(isBlob).length > this.options.maxBlobTransactions) {
      // No blob transaction may be evictable (each followed by its sender's later nonces): then the newcomer goes.
      evicted = pickEvictionVictim(this.#senders.values(), this.#head.baseFee, isBlob) ?? entry;
    } else if (this.size > this.options.maxSize) {
      evicted = pickEvictionVictim(this.#senders.values(), this.#head.baseFee) ?? entry;
    }
    if (evicted === undefined) return { replaced };
    this.#remove(evicted);
    if (evicted !== entry) return { replaced, evicted };
    if (replaced) {
      queue.put(replaced);
      this.#byHash.set(replaced.key, replaced);
      this.#senders.set(senderKey, queue);
    }
    const limit = isBlob(entry) ? `${this.options.maxBlobTransactions} blob transactions` : `${this.options.maxSize} transactions`;
    throw new TxPoolError('TX_POOL_FULL', `the pool holds ${limit}, none of which this one outranks`);
  }

  async #readAccount(address: Address): Promise<[bigint, bigint]> {
    try {
      return await Promise.all([this.#accounts.getNonce(address), this.#accounts.getBalance(address)]);
    } catch (error) {
      throw new TxPoolError('WORLD_STATE_UNAVAILABLE', `cannot read account ${bytesToHex(address)} at the head: ${(error as Error).message}`, { cause: error });
    }
  }

  /** The queues of the pooled senders of `transactions` (a sender that cannot be recovered has none). */
  #affectedQueues(transactions: readonly Transaction[]): SenderQueue[] {
    const queues = new Set<SenderQueue>();
    for (const tx of transactions) {
      let sender: Address;
      try {
        sender = tx.sender();
      } catch {
        continue;
      }
      const queue = this.#senders.get(bytesToHex(sender));
      if (queue) queues.add(queue);
    }
    return [...queues];
  }

  /** Removes what `queue`'s account, as just read, can no longer execute or hold. */
  #revalidate(queue: SenderQueue): [PoolEntry, DropReason][] {
    const drops: [PoolEntry, DropReason][] = [];
    const window = BigInt(this.options.senderLimit);
    for (const entry of queue.entries()) {
      const tx = entry.transaction;
      let reason: DropReason | undefined;
      if (tx.nonce < queue.accountNonce || upfrontCost(tx) > queue.balance) reason = 'invalidated';
      else if (tx.nonce - queue.accountNonce >= window) reason = 'evicted';
      if (!reason) continue;
      this.#remove(entry);
      drops.push([entry, reason]);
    }
    return drops;
  }

  #removeExpired(): [PoolEntry, DropReason][] {
    const cutoff = this.#clock() - this.options.retentionHours * HOUR_MS;
    const expired = [...this.#byHash.values()].filter((entry) => entry.addedAt < cutoff);
    for (const entry of expired) this.#remove(entry);
    return expired.map((entry) => [entry, 'expired']);
  }

  /** Re-adds transactions of reorged-out blocks, by sender and nonce; those the new state refuses are simply not re-added. */
  async #reinject(transactions: readonly Transaction[]): Promise<void> {
    const withSenders: [Transaction, Address][] = [];
    for (const tx of transactions) {
      if (tx.blobVersionedHashes.length > 0) continue;
      try {
        withSenders.push([tx, tx.sender()]);
      } catch {}
    }
    withSenders.sort(([a, sa], [b, sb]) => compareBytes(sa, sb) || (a.nonce < b.nonce ? -1 : a.nonce > b.nonce ? 1 : 0));
    for (const [tx] of withSenders) {
      try {
        await this.#admit(tx, { local: false });
      } catch (error) {
        if (!(error instanceof CairnError)) throw error;
      }
    }
  }

  #remove(entry: PoolEntry): void {
    const senderKey = bytesToHex(entry.sender);
    const queue = this.#senders.get(senderKey);
    this.#byHash.delete(entry.key);
    if (!queue) return;
    queue.remove(entry.transaction.nonce);
    if (queue.size === 0) this.#senders.delete(senderKey);
  }

  #view(entry: PoolEntry, queue = this.#senders.get(bytesToHex(entry.sender))): PooledTransaction {
    const { transaction, hash, sender, local, addedAt, sidecar } = entry;
    const state = queue?.isPending(transaction.nonce) ? 'pending' : 'queued';
    return { transaction, hash, sender, state, isLocal: local, addedAt, sidecar };
  }
}
