import type { BlockHeader, Transaction } from '@cairn/chain';
import { type ChainConfig, equalBytes } from '@cairn/common';
import type { ChainReader, StateReader } from '../chain/backend';
import type { CallExecutor } from '../chain/executor';
import { FeeHistoryQuery } from '../chain/fee-history';
import { GasPriceOracle, type GasPriceOracleOptions } from '../chain/gas-price-oracle';
import { LogQuery } from '../chain/log-query';
import type { TransactionPoolAccess } from '../chain/pool';
import type { ProofReader } from '../chain/proof';
import type { EventSource } from '../events/event-source';
import type { RpcLog } from '../events/rpc-log';
import type { SyncStatus } from '../events/sync-status';
import { FilterManager, type FilterManagerOptions } from '../filters/filter-manager';
import { filterMethods } from '../filters/methods';
import { maxBigInt } from '../format/bigint';
import { formatHeader } from '../format/header';
import { type AdminDependencies, adminMethods } from '../methods/admin';
import { adminPeerMethods, type PeerAdmin } from '../methods/admin-peers';
import { debugRawMethods } from '../methods/debug-raw';
import { ethBlockMethods } from '../methods/eth-blocks';
import { ethCallMethods } from '../methods/eth-call';
import { ethFeeMethods } from '../methods/eth-fees';
import { type EthInfoDependencies, ethInfoMethods } from '../methods/eth-info';
import { ethLogsMethods } from '../methods/eth-logs';
import { ethProofMethods } from '../methods/eth-proof';
import { ethStateMethods } from '../methods/eth-state';
import { type NetDependencies, netMethods } from '../methods/net';
import { txPoolMethods } from '../methods/txpool';
import { web3Methods } from '../methods/web3';
import { logsKind, newHeadsKind, newPendingTransactionsKind, syncingKind } from '../subscriptions/kinds';
import { subscriptionMethods } from '../subscriptions/methods';
import type { SubscriptionKind } from '../subscriptions/subscription-kind';
import { SubscriptionManager } from '../subscriptions/subscription-manager';
import { RPC_DEFAULTS } from '../transport/options';
import type { RpcMethod } from './method';
import { MethodRegistry } from './registry';

/** The chain as the chain-backed methods need it. */
export interface ChainBackend {
  readonly reader: ChainReader;
  readonly config: ChainConfig;
}

/** What the node has; every method whose backend is absent stays unregistered. */
export interface RpcBackends {
  readonly clientVersion: string;
  readonly net: NetDependencies;
  readonly eth: EthInfoDependencies;
  readonly chain?: ChainBackend;
  readonly state?: StateReader;
  readonly executor?: CallExecutor;
  readonly pool?: TransactionPoolAccess;
  readonly proofs?: ProofReader;
  readonly admin?: Omit<AdminDependencies, 'chain' | 'clientVersion' | 'networkId'>;
  /** The peer-to-peer layer's peers (admin_peers, admin_addPeer, admin_removePeer); absent without p2p. */
  readonly peers?: PeerAdmin;
  readonly events?: {
    readonly heads?: EventSource<BlockHeader>;
    readonly logs?: EventSource<readonly RpcLog[]>;
    readonly pendingTransactions?: EventSource<Transaction>;
    readonly syncing?: EventSource<SyncStatus | null>;
  };
  readonly settings?: {
    readonly gasPrice?: Omit<GasPriceOracleOptions, 'chain' | 'chainConfig'>;
    readonly gasCap?: bigint;
    readonly maxLogsRange?: bigint;
    readonly maxSubscriptionsPerConnection?: number;
    readonly filters?: Omit<FilterManagerOptions, 'sources'>;
  };
}

/** The registry of standard methods plus the filter engine it owns (stop it with `close`). */
export interface StandardMethods {
  readonly registry: MethodRegistry;
  close(): void;
}

function poolLookups(pool: TransactionPoolAccess) {
  return {
    pendingTransaction: async (hash: Uint8Array) =>
      pool.transactions().find((t) => equalBytes(t.transaction.hash(), hash))?.transaction,
    pendingNonce: async (address: Uint8Array) => {
      const nonces = pool
        .transactions()
        .filter((t) => t.state === 'pending' && equalBytes(t.transaction.sender(), address))
        .map((t) => t.transaction.nonce);
      return nonces.length === 0 ? undefined : nonces.reduce(maxBigInt) + 1n;
    },
  };
}

/**
 * Assembles every standard method the given backends support: web3, net and node status always;
 * blocks, logs and fees with a chain; state methods with state; calls with an executor; the pool
 * methods with a pool; proofs, raw encodings, admin_nodeInfo and the admin peer methods with theirs; subscriptions and
 * filters for the event sources present.
 */
export function standardMethods(backends: RpcBackends): StandardMethods {
  const { chain, pool, events = {}, settings = {} } = backends;
  const lookups = pool ? poolLookups(pool) : undefined;
  const methods: RpcMethod[] = [
    ...web3Methods({ clientVersion: backends.clientVersion }),
    ...netMethods(backends.net),
    ...ethInfoMethods(backends.eth),
  ];
  let logQuery: LogQuery | undefined;
  if (chain) {
    const reader = chain.reader;
    logQuery = new LogQuery(reader, settings.maxLogsRange);
    methods.push(
      ...ethBlockMethods({ chain: reader, chainConfig: chain.config, pendingTransaction: lookups?.pendingTransaction }),
      ...ethLogsMethods(logQuery),
      ...ethFeeMethods({
        oracle: new GasPriceOracle({ minGasPrice: 1000n, ...settings.gasPrice, chain: reader, chainConfig: chain.config }),
        feeHistory: new FeeHistoryQuery({ chain: reader, chainConfig: chain.config }),
      }),
    );
    if (backends.state) methods.push(...ethStateMethods({ chain: reader, state: backends.state, pendingNonce: lookups?.pendingNonce }));
    if (backends.executor) methods.push(...ethCallMethods({ chain: reader, executor: backends.executor, gasCap: settings.gasCap }));
    if (backends.proofs) methods.push(...ethProofMethods({ chain: reader, proofs: backends.proofs }));
    methods.push(...debugRawMethods({ chain: reader }));
    if (backends.admin) {
      methods.push(...adminMethods({ ...backends.admin, chain: reader, clientVersion: backends.clientVersion, networkId: backends.net.networkId }));
    }
  }
  if (pool) methods.push(...txPoolMethods(pool));
  if (backends.peers) methods.push(...adminPeerMethods(backends.peers));

  const kinds: SubscriptionKind[] = [];
  if (events.heads) kinds.push(newHeadsKind(events.heads, formatHeader));
  if (events.logs) kinds.push(logsKind(events.logs));
  if (events.pendingTransactions) kinds.push(newPendingTransactionsKind(events.pendingTransactions));
  if (events.syncing) kinds.push(syncingKind(events.syncing));
  if (kinds.length > 0) {
    const maxPerConnection = settings.maxSubscriptionsPerConnection ?? RPC_DEFAULTS.maxSubscriptionsPerConnection;
    methods.push(...subscriptionMethods(new SubscriptionManager({ kinds, maxPerConnection })));
  }
  const filters = new FilterManager({
    ...settings.filters,
    sources: { heads: events.heads, logs: events.logs, pendingTransactions: events.pendingTransactions },
  });
  methods.push(...filterMethods(filters, logQuery));
  return { registry: new MethodRegistry(methods), close: () => filters.close() };
}
