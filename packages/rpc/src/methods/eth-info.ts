import { bigintToHex, bytesToHex } from '@cairn/common';
import { z } from 'zod';
import { RpcErrors } from '../errors/application-errors';
import { formatSyncStatus, type SyncStatus } from '../events/sync-status';
import { defineMethod, type RpcMethod } from '../registry/method';

/** What block production reports to the ETH API. */
export interface MinerStatus {
  isMining(): boolean;
  /** The address block rewards go to; undefined when none is configured. */
  coinbase(): Uint8Array | undefined;
}

export interface EthInfoDependencies {
  chainId(): bigint;
  /** Sync progress, or null when the node is not syncing; eth_syncing is absent without it. */
  syncStatus?(): SyncStatus | null;
  /** eth_mining and eth_coinbase are absent without it. */
  readonly miner?: MinerStatus;
  /** The highest `eth` sub-protocol version spoken (68 for eth/68); eth_protocolVersion is absent without it. */
  protocolVersion?(): number;
}

const none = z.tuple([]);

/**
 * ETH methods about the node rather than the chain: eth_chainId and eth_accounts always (the node
 * holds no keys, so the list is empty, as Besu answers), the others when their source exists.
 */
export function ethInfoMethods(deps: EthInfoDependencies): RpcMethod[] {
  const methods = [
    defineMethod({ name: 'eth_chainId', namespace: 'ETH', params: none, handler: () => bigintToHex(deps.chainId()) }),
    defineMethod({ name: 'eth_accounts', namespace: 'ETH', params: none, handler: () => [] }),
  ];
  const { syncStatus, miner, protocolVersion } = deps;
  if (syncStatus) {
    methods.push(defineMethod({ name: 'eth_syncing', namespace: 'ETH', params: none, handler: () => formatSyncStatus(syncStatus()) }));
  }
  if (miner) {
    methods.push(
      defineMethod({ name: 'eth_mining', namespace: 'ETH', params: none, handler: () => miner.isMining() }),
      defineMethod({
        name: 'eth_coinbase',
        namespace: 'ETH',
        params: none,
        handler: () => {
          const coinbase = miner.coinbase();
          if (coinbase === undefined) throw RpcErrors.coinbaseNotSet();
          return bytesToHex(coinbase);
        },
      }),
    );
  }
  if (protocolVersion) {
    methods.push(
      defineMethod({ name: 'eth_protocolVersion', namespace: 'ETH', params: none, handler: () => bigintToHex(protocolVersion()) }),
    );
  }
  return methods;
}
