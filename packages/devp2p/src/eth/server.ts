import { asList, asUint, rlpDecode } from '@cairn/common';
import type { ChainView, TxPoolView } from './chain-view';
import { type HeadersQuery, queryNumbers } from './headers';

/** How much one answer may hold; a peer asking for more simply gets less (as geth and Besu do). */
export interface ServeLimits {
  readonly maxHeaders: number;
  readonly maxBodies: number;
  readonly maxReceipts: number;
  readonly maxPooledTransactions: number;
  /** Stop adding items to an answer once it holds this many bytes. */
  readonly softResponseBytes: number;
}

export const DEFAULT_SERVE_LIMITS: ServeLimits = {
  maxHeaders: 1024,
  maxBodies: 256,
  maxReceipts: 256,
  maxPooledTransactions: 256,
  softResponseBytes: 2 * 1024 * 1024,
};

/** Answers a peer's eth requests from the node's chain and pool, within the serve limits. */
export class EthServer {
  private readonly chain: ChainView;
  private readonly txPool: TxPoolView | undefined;
  private readonly limits: ServeLimits;

  constructor(chain: ChainView, txPool: TxPoolView | undefined, limits: ServeLimits) {
    this.chain = chain;
    this.txPool = txPool;
    this.limits = limits;
  }

  /**
   * The headers a query asks for, from the canonical chain. An origin given by hash anchors the
   * walk at that header's number; headers are then read by number, so a query from a side-chain
   * hash yields the origin followed by canonical headers, and stops at the first gap.
   */
  async headers(query: HeadersQuery): Promise<Uint8Array[]> {
    let originNumber: bigint;
    if (query.origin instanceof Uint8Array) {
      const origin = await this.chain.getHeaderByHash(query.origin);
      if (!origin) return [];
      originNumber = asUint(asList(rlpDecode(origin), 'stored header')[8], 'stored header number', 8);
    } else {
      originNumber = query.origin;
    }
    const numbers = queryNumbers(originNumber, query, this.limits.maxHeaders, this.chain.head().number);
    const out: Uint8Array[] = [];
    let bytes = 0;
    for (const n of numbers) {
      const header = n === originNumber && query.origin instanceof Uint8Array ? await this.chain.getHeaderByHash(query.origin) : await this.chain.getHeaderByNumber(n);
      if (!header || bytes >= this.limits.softResponseBytes) break;
      out.push(header);
      bytes += header.length;
    }
    return out;
  }

  bodies(hashes: readonly Uint8Array[]): Promise<Uint8Array[]> {
    return this.collect(hashes, this.limits.maxBodies, (h) => this.chain.getBody(h));
  }

  receipts(hashes: readonly Uint8Array[]): Promise<Uint8Array[]> {
    return this.collect(hashes, this.limits.maxReceipts, (h) => this.chain.getReceipts(h));
  }

  pooledTransactions(hashes: readonly Uint8Array[]): Uint8Array[] {
    return this.txPool?.getTransactions(hashes.slice(0, this.limits.maxPooledTransactions)) ?? [];
  }

  /** Items for consecutive hashes, up to `max` and the byte limit, stopping at the first unknown. */
  private async collect(hashes: readonly Uint8Array[], max: number, get: (hash: Uint8Array) => Promise<Uint8Array | undefined>): Promise<Uint8Array[]> {
    const out: Uint8Array[] = [];
    let bytes = 0;
    for (const hash of hashes.slice(0, max)) {
      if (bytes >= this.limits.softResponseBytes) break;
      const item = await get(hash);
      if (!item) break;
      out.push(item);
      bytes += item.length;
    }
    return out;
  }
}
