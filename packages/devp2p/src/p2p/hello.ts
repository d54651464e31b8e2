import { asBytes, asList, asUint, bytesToHex, type RlpValue } from '@cairn/common';
import { ProtocolError } from '../errors';

/** The base protocol's message ids, below the sub-protocols' offset of 0x10. */
export const P2P_HELLO = 0x00;
export const P2P_DISCONNECT = 0x01;
export const P2P_PING = 0x02;
export const P2P_PONG = 0x03;
/** Where the first sub-protocol's message ids start. */
export const SUBPROTOCOL_OFFSET = 0x10;
/** The p2p version Cairn speaks: 5 turns on Snappy compression. */
export const P2P_VERSION = 5;

/** A protocol name and version as Hello lists them. */
export interface CapabilityId {
  readonly name: string;
  readonly version: number;
}

export interface Hello {
  readonly protocolVersion: number;
  readonly clientId: string;
  readonly capabilities: readonly CapabilityId[];
  /** The TCP port the node listens on (0 when it does not accept connections). */
  readonly listenPort: number;
  /** The 64-byte public key of the node. */
  readonly nodeId: Uint8Array;
}

const text = new TextDecoder('utf-8', { fatal: false });
const encoder = new TextEncoder();

export function encodeHello(hello: Hello): RlpValue {
  return [
    numberBytes(hello.protocolVersion),
    encoder.encode(hello.clientId),
    hello.capabilities.map((c) => [encoder.encode(c.name), numberBytes(c.version)]),
    numberBytes(hello.listenPort),
    hello.nodeId,
  ];
}

/** Reads a Hello; fields after the node id are ignored, as the spec asks for forward compatibility. */
export function decodeHello(value: RlpValue): Hello {
  try {
    const fields = asList(value, 'Hello');
    if (fields.length < 5) throw new ProtocolError(`Hello has ${fields.length} fields, expected at least 5`);
    const capabilities = asList(fields[2], 'Hello capabilities').map((entry) => {
      const [name, version] = asList(entry, 'capability', 2);
      return { name: text.decode(asBytes(name, 'capability name')), version: Number(asUint(version, 'capability version', 4)) };
    });
    return {
      protocolVersion: Number(asUint(fields[0], 'p2p version', 4)),
      clientId: text.decode(asBytes(fields[1], 'client id')),
      capabilities,
      listenPort: Number(asUint(fields[3], 'listen port', 2)),
      nodeId: asBytes(fields[4], 'node id', 64),
    };
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`malformed Hello: ${(error as Error).message}`, { cause: error });
  }
}

/** Minimal big-endian bytes of a small non-negative integer (as RLP wants). */
export function numberBytes(n: number): Uint8Array {
  if (n === 0) return new Uint8Array(0);
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return new Uint8Array(out);
}

/** Short form of a node id for logs. */
export function shortId(nodeId: Uint8Array): string {
  return bytesToHex(nodeId.subarray(0, 8)).slice(2);
}
