import { bigintToHex, bytesToHex } from '@cairn/common';
import { z } from 'zod';
import type { ChainReader } from '../chain/backend';
import { defineMethod, type RpcMethod } from '../registry/method';

/** What the peer-to-peer layer says about this node. */
export interface NodeIdentity {
  /** The 64-byte public key that is the node's id. */
  readonly nodeId: Uint8Array;
  /** The address peers reach it at. */
  readonly ip: string;
  readonly listenPort: number;
  readonly discoveryPort: number;
  /** The node record (EIP-778) in its text form `enr:<base64url>`, where discovery publishes one. */
  readonly enr?: string;
}

export interface AdminDependencies {
  readonly identity: NodeIdentity;
  readonly clientVersion: string;
  readonly chain: ChainReader;
  networkId(): bigint;
  readonly genesisHash: Uint8Array;
  /** The genesis file's `config` object, reported as given. */
  readonly genesisConfig: Readonly<Record<string, unknown>>;
  /** Total difficulty of the head, where the node tracks it. */
  totalDifficulty?(): Promise<bigint | undefined>;
}

/** `ip:port`, with an IPv6 address in brackets. */
function listenAddress(identity: NodeIdentity): string {
  return `${identity.ip.includes(':') ? `[${identity.ip}]` : identity.ip}:${identity.listenPort}`;
}

/** The enode URL of a node: `enode://<id>@<ip>:<port>`, with `?discport=` when discovery uses another port. */
export function enodeUrl(identity: NodeIdentity): string {
  const base = `enode://${bytesToHex(identity.nodeId).slice(2)}@${listenAddress(identity)}`;
  return identity.discoveryPort === identity.listenPort ? base : `${base}?discport=${identity.discoveryPort}`;
}

/**
 * admin_nodeInfo in Besu's shape, with geth's `enr` when the node has a record. The total difficulty is a hex quantity (Besu prints a JSON number,
 * which JavaScript cannot carry exactly at mainnet sizes).
 */
export function adminMethods(deps: AdminDependencies): RpcMethod[] {
  return [
    defineMethod({
      name: 'admin_nodeInfo',
      namespace: 'ADMIN',
      params: z.tuple([]),
      handler: async () => {
        const { identity } = deps;
        const head = await deps.chain.head();
        const difficulty = await deps.totalDifficulty?.();
        return {
          enode: enodeUrl(identity),
          ...(identity.enr === undefined ? {} : { enr: identity.enr }),
          listenAddr: listenAddress(identity),
          ip: identity.ip,
          name: deps.clientVersion,
          id: bytesToHex(identity.nodeId).slice(2),
          ports: { discovery: identity.discoveryPort, listener: identity.listenPort },
          protocols: {
            eth: {
              config: deps.genesisConfig,
              difficulty: difficulty === undefined ? null : bigintToHex(difficulty),
              genesis: bytesToHex(deps.genesisHash),
              head: bytesToHex(head.hash()),
              network: Number(deps.networkId()),
            },
          },
        };
      },
    }),
  ];
}
