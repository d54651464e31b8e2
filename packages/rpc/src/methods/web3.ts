import { bytesToHex, keccak256 } from '@cairn/common';
import { z } from 'zod';
import { defineMethod, type RpcMethod } from '../registry/method';
import { Data } from '../schemas/primitives';

/** What a runtime reports about itself, as `process` does. */
export interface RuntimeInfo {
  readonly platform: string;
  readonly arch: string;
  readonly versions: { readonly node: string };
}

/** `cairn/v0.1.0/linux-x64/node20`, in the shape of Besu's `besu/v24.1.0/linux-x86_64/openjdk-java-17`. */
export function formatClientVersion(version: string, runtime: RuntimeInfo = process): string {
  return `cairn/v${version}/${runtime.platform}-${runtime.arch}/node${runtime.versions.node.split('.')[0]}`;
}

export interface Web3Dependencies {
  /** The string web3_clientVersion answers, usually from `formatClientVersion`. */
  readonly clientVersion: string;
}

/** The WEB3 API: web3_clientVersion and web3_sha3. */
export function web3Methods(deps: Web3Dependencies): RpcMethod[] {
  return [
    defineMethod({
      name: 'web3_clientVersion',
      namespace: 'WEB3',
      params: z.tuple([]),
      handler: () => deps.clientVersion,
    }),
    defineMethod({
      name: 'web3_sha3',
      namespace: 'WEB3',
      params: z.tuple([Data.describe('data')]),
      handler: ([data]) => bytesToHex(keccak256(data)),
    }),
  ];
}
