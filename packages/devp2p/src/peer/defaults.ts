import { privateKeyToPublicKey } from '@cairn/common';
import { ETH_CAPABILITIES } from '../eth/codes';
import type { EthDependencies, EthPeerOptions } from '../eth/eth-peer';
import { DEFAULT_SERVE_LIMITS } from '../eth/server';
import { ForkIdSchedule } from '../forkid/fork-id';
import type { NodeAllowlist } from './allowlist';
import type { PeerManagerOptions } from './peer-manager';

/** Timeouts and limits as Besu and geth choose them, in milliseconds where they are times. */
export const DEFAULT_ETH_OPTIONS: EthPeerOptions = {
  statusTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  maxRequestsInFlight: 8,
  maxQueuedInbound: 64,
  serveLimits: DEFAULT_SERVE_LIMITS,
};

/** What the node passes in to build a peer manager; the rest takes defaults. */
export interface PeerManagerConfig extends Omit<EthDependencies, 'forkIds'> {
  readonly privateKey: Uint8Array;
  readonly listenAddress?: string;
  readonly listenPort?: number;
  /** Port advertised in Hello (the external one behind NAT); defaults to `listenPort`. */
  readonly advertisedPort?: number;
  readonly maxPeers?: number;
  readonly clientId?: string;
  readonly allowlist?: NodeAllowlist;
  readonly overrides?: Partial<Omit<PeerManagerOptions, 'session' | 'eth' | 'ethDependencies'>> & {
    readonly session?: Partial<PeerManagerOptions['session']>;
    readonly eth?: Partial<EthPeerOptions>;
  };
}

/** Full `PeerManagerOptions` from the node's few choices (`--p2p-port`, `--max-peers`, …). */
export function peerManagerOptions(config: PeerManagerConfig): PeerManagerOptions {
  const listenPort = config.listenPort ?? 30303;
  const o = config.overrides ?? {};
  return {
    privateKey: config.privateKey,
    listenAddress: config.listenAddress ?? '0.0.0.0',
    listenPort,
    maxPeers: config.maxPeers ?? 25,
    dialTimeoutMs: o.dialTimeoutMs ?? 5_000,
    handshakeTimeoutMs: o.handshakeTimeoutMs ?? 5_000,
    offenceBanMs: o.offenceBanMs ?? 10 * 60_000,
    allowlist: config.allowlist,
    session: {
      clientId: config.clientId ?? 'cairn/v0.1.0',
      listenPort: config.advertisedPort ?? listenPort,
      nodeId: privateKeyToPublicKey(config.privateKey),
      capabilities: ETH_CAPABILITIES,
      helloTimeoutMs: 5_000,
      pingIntervalMs: 15_000,
      pingTimeoutMs: 20_000,
      ...o.session,
    },
    eth: { ...DEFAULT_ETH_OPTIONS, ...o.eth },
    ethDependencies: {
      chain: config.chain,
      blocks: config.blocks,
      txPool: config.txPool,
      forkIds: new ForkIdSchedule(config.chain.genesisHash, config.chain.chainConfig, config.chain.genesisTimestamp),
    },
  };
}
