import { bigintToHex } from '@cairn/common';
import { z } from 'zod';
import { RpcErrors } from '../errors/application-errors';
import { defineMethod, type RpcMethod } from '../registry/method';

/** The peer-to-peer layer as the NET API sees it. */
export interface P2pStatus {
  isListening(): boolean;
  peerCount(): number;
}

export interface NetDependencies {
  /** The network id (the chain id unless configured otherwise, as Besu's --network-id). */
  networkId(): bigint;
  /** Absent when the node runs without peer-to-peer networking. */
  readonly p2p?: P2pStatus;
}

/**
 * The NET API. Without p2p, net_listening answers false and net_peerCount the error Besu gives
 * when p2p is disabled, rather than a made-up zero.
 */
export function netMethods(deps: NetDependencies): RpcMethod[] {
  return [
    defineMethod({
      name: 'net_version',
      namespace: 'NET',
      params: z.tuple([]),
      handler: () => deps.networkId().toString(10),
    }),
    defineMethod({
      name: 'net_listening',
      namespace: 'NET',
      params: z.tuple([]),
      handler: () => deps.p2p?.isListening() ?? false,
    }),
    defineMethod({
      name: 'net_peerCount',
      namespace: 'NET',
      params: z.tuple([]),
      handler: () => {
        if (deps.p2p === undefined) throw RpcErrors.p2pDisabled();
        return bigintToHex(deps.p2p.peerCount());
      },
    }),
  ];
}
