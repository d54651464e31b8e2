import { bigintToHex, bytesToHex } from '@cairn/common';
import { z } from 'zod';
import { invalidParams, JsonRpcError } from '../errors/json-rpc-error';
import { defineMethod, type RpcMethod } from '../registry/method';

/** One connected peer, as the peer-to-peer layer describes it. */
export interface PeerInfo {
  /** The p2p protocol version from its Hello. */
  readonly version: number;
  /** Its client id ("Geth/v1.14…", "besu/v24…"). */
  readonly name: string;
  /** The capabilities it offered, as `name/version`. */
  readonly caps: readonly string[];
  /** The two ends of the connection, `ip:port`. */
  readonly localAddress: string;
  readonly remoteAddress: string;
  /** The port it listens on, from its Hello. */
  readonly port: number;
  /** Its 64-byte public key. */
  readonly id: Uint8Array;
  /** Its eth state: total difficulty and best block as last heard, and the negotiated version. */
  readonly eth: { readonly difficulty: bigint; readonly head: Uint8Array; readonly version: number };
  /** The enode URL it can be dialled at. */
  readonly enode: string;
}

/** What admin_peers, admin_addPeer and admin_removePeer act on. */
export interface PeerAdmin {
  peers(): readonly PeerInfo[];
  /**
   * Makes the node at `enode` a static peer, kept connected; false when it already was one.
   * Throws (with the reason as message) only for an enode URL the node cannot use.
   */
  addPeer(enode: string): boolean;
  /** Stops keeping the node a static peer and disconnects it; false when it was not one. */
  removePeer(enode: string): boolean;
}

/** Besu's answer to an enode whose node id is not 128 hex digits. */
function enodeIdInvalid(): JsonRpcError {
  return new JsonRpcError(-32000, "Invalid node ID: node ID must have exactly 128 hexadecimal characters and should not include any '0x' hex prefix.");
}

/** Runs `change` on an enode URL, checking the node id first as Besu does. */
function withEnode(enode: string, change: (enode: string) => boolean): boolean {
  const match = /^enode:\/\/([^@]*)@/.exec(enode.trim());
  if (!match) throw invalidParams(`params[0] (enode): ${JSON.stringify(enode)} is not an enode URL`);
  if (!/^[0-9a-fA-F]{128}$/.test(match[1])) throw enodeIdInvalid();
  try {
    return change(enode.trim());
  } catch (error) {
    if (JsonRpcError.is(error)) throw error;
    throw invalidParams(`params[0] (enode): ${(error as Error).message}`);
  }
}

/**
 * admin_peers, admin_addPeer and admin_removePeer in Besu's shapes: a peer is
 * `{ version, name, caps, network: { localAddress, remoteAddress }, port, id, protocols: { eth:
 * { difficulty, head, version } }, enode }` with hex quantities for version, port and
 * difficulty; adding and removing answer whether the static-peer set changed.
 */
export function adminPeerMethods(admin: PeerAdmin): RpcMethod[] {
  return [
    defineMethod({
      name: 'admin_peers',
      namespace: 'ADMIN',
      params: z.tuple([]),
      handler: () =>
        admin.peers().map((p) => ({
          version: bigintToHex(BigInt(p.version)),
          name: p.name,
          caps: [...p.caps],
          network: { localAddress: p.localAddress, remoteAddress: p.remoteAddress },
          port: bigintToHex(BigInt(p.port)),
          id: bytesToHex(p.id),
          protocols: { eth: { difficulty: bigintToHex(p.eth.difficulty), head: bytesToHex(p.eth.head), version: p.eth.version } },
          enode: p.enode,
        })),
    }),
    defineMethod({
      name: 'admin_addPeer',
      namespace: 'ADMIN',
      params: z.tuple([z.string().describe('enode')]),
      handler: ([enode]) => withEnode(enode, (e) => admin.addPeer(e)),
    }),
    defineMethod({
      name: 'admin_removePeer',
      namespace: 'ADMIN',
      params: z.tuple([z.string().describe('enode')]),
      handler: ([enode]) => withEnode(enode, (e) => admin.removePeer(e)),
    }),
  ];
}
