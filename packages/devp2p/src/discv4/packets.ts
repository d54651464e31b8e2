import { isIP } from 'node:net';
import {
  asBytes,
  asList,
  asUint,
  bigintToFixedBytes,
  bytesToBigInt,
  concatBytes,
  equalBytes,
  keccak256,
  type RlpInput,
  type RlpValue,
  recoverPublicKey,
  rlpDecodeStream,
  rlpEncode,
  signHash,
} from '@cairn/common';
import { DiscoveryPacketError } from '../errors';

/** Discovery v4 packet types. */
export enum PacketType {
  Ping = 0x01,
  Pong = 0x02,
  FindNode = 0x03,
  Neighbors = 0x04,
  EnrRequest = 0x05,
  EnrResponse = 0x06,
}

/** The largest packet discovery v4 sends or accepts. */
export const MAX_PACKET_SIZE = 1280;
/** Header: hash (32), signature (65), type (1). */
const HEADER_SIZE = 32 + 65 + 1;

/** A node's address as discovery packets carry it. */
export interface Endpoint {
  readonly address: string;
  readonly udpPort: number;
  readonly tcpPort: number;
}

/** A node in a Neighbors answer. */
export interface NodeRecord extends Endpoint {
  readonly id: Uint8Array;
}

export type Message =
  | { type: PacketType.Ping; version: bigint; from: Endpoint; to: Endpoint; expiration: bigint; enrSeq?: bigint }
  | { type: PacketType.Pong; to: Endpoint; pingHash: Uint8Array; expiration: bigint; enrSeq?: bigint }
  | { type: PacketType.FindNode; target: Uint8Array; expiration: bigint }
  | { type: PacketType.Neighbors; nodes: readonly NodeRecord[]; expiration: bigint }
  | { type: PacketType.EnrRequest; expiration: bigint }
  | { type: PacketType.EnrResponse; requestHash: Uint8Array; enr: RlpValue };

/** A received packet: who signed it, its hash (pongs and ENR responses echo it) and the message. */
export interface DecodedPacket {
  readonly hash: Uint8Array;
  readonly nodeId: Uint8Array;
  readonly message: Message;
}

function ipToBytes(address: string): Uint8Array {
  if (isIP(address) === 4) return new Uint8Array(address.split('.').map(Number));
  if (isIP(address) !== 6) throw new DiscoveryPacketError(`cannot encode address ${address}`);
  // Expand '::' and a trailing dotted IPv4 part into eight 16-bit groups.
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number);
    text = `${text.slice(0, -v4[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    const v = Number.parseInt(g, 16);
    out[2 * i] = v >> 8;
    out[2 * i + 1] = v & 0xff;
  });
  return out;
}

function bytesToIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return bytes.join('.');
  if (bytes.length === 16) {
    const parts: string[] = [];
    for (let i = 0; i < 16; i += 2) parts.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
    return parts.join(':');
  }
  throw new DiscoveryPacketError(`address of ${bytes.length} bytes`);
}

function encodeEndpoint(e: Endpoint): RlpInput {
  return [ipToBytes(e.address), BigInt(e.udpPort), BigInt(e.tcpPort)];
}

function decodeEndpoint(value: RlpValue): Endpoint {
  const [ip, udp, tcp] = asList(value, 'endpoint');
  if (ip === undefined || udp === undefined || tcp === undefined) throw new DiscoveryPacketError('endpoint has fewer than 3 fields');
  return { address: bytesToIp(asBytes(ip, 'endpoint ip')), udpPort: Number(asUint(udp, 'udp port', 2)), tcpPort: Number(asUint(tcp, 'tcp port', 2)) };
}

function messageBody(m: Message): RlpInput {
  switch (m.type) {
    case PacketType.Ping:
      return [m.version, encodeEndpoint(m.from), encodeEndpoint(m.to), m.expiration, ...(m.enrSeq !== undefined ? [m.enrSeq] : [])];
    case PacketType.Pong:
      return [encodeEndpoint(m.to), m.pingHash, m.expiration, ...(m.enrSeq !== undefined ? [m.enrSeq] : [])];
    case PacketType.FindNode:
      return [m.target, m.expiration];
    case PacketType.Neighbors:
      return [m.nodes.map((n) => [...(encodeEndpoint(n) as RlpInput[]), n.id]), m.expiration];
    case PacketType.EnrRequest:
      return [m.expiration];
    case PacketType.EnrResponse:
      return [m.requestHash, m.enr];
  }
}

/** Signs and frames a message: `hash || signature || type || rlp(body)`. */
export function encodePacket(m: Message, privateKey: Uint8Array): { packet: Uint8Array; hash: Uint8Array } {
  const typed = concatBytes(new Uint8Array([m.type]), rlpEncode(messageBody(m)));
  const sig = signHash(keccak256(typed), privateKey);
  const signature = concatBytes(bigintToFixedBytes(sig.r, 32), bigintToFixedBytes(sig.s, 32), new Uint8Array([sig.yParity]));
  const hash = keccak256(concatBytes(signature, typed));
  const packet = concatBytes(hash, signature, typed);
  if (packet.length > MAX_PACKET_SIZE) throw new DiscoveryPacketError(`packet of ${packet.length} bytes exceeds ${MAX_PACKET_SIZE}`);
  return { packet, hash };
}

function decodeMessage(type: number, f: RlpValue[]): Message {
  const field = (i: number): RlpValue => {
    if (f[i] === undefined) throw new DiscoveryPacketError(`packet type ${type} lacks field ${i}`);
    return f[i];
  };
  // Fields past the known ones are ignored, as the spec asks (EIP-8 forward compatibility).
  switch (type) {
    case PacketType.Ping:
      return {
        type,
        version: asUint(field(0), 'version'),
        from: decodeEndpoint(field(1)),
        to: decodeEndpoint(field(2)),
        expiration: asUint(field(3), 'expiration', 8),
        enrSeq: f[4] instanceof Uint8Array ? asUint(f[4], 'enr seq', 8) : undefined,
      };
    case PacketType.Pong:
      return {
        type,
        to: decodeEndpoint(field(0)),
        pingHash: asBytes(field(1), 'ping hash', 32),
        expiration: asUint(field(2), 'expiration', 8),
        enrSeq: f[3] instanceof Uint8Array ? asUint(f[3], 'enr seq', 8) : undefined,
      };
    case PacketType.FindNode:
      return { type, target: asBytes(field(0), 'target', 64), expiration: asUint(field(1), 'expiration', 8) };
    case PacketType.Neighbors:
      return {
        type,
        nodes: asList(field(0), 'neighbors').map((n) => {
          const parts = asList(n, 'neighbor');
          if (parts.length < 4) throw new DiscoveryPacketError('neighbor has fewer than 4 fields');
          return { ...decodeEndpoint(parts.slice(0, 3)), id: asBytes(parts[3], 'neighbor id', 64) };
        }),
        expiration: asUint(field(1), 'expiration', 8),
      };
    case PacketType.EnrRequest:
      return { type, expiration: asUint(field(0), 'expiration', 8) };
    case PacketType.EnrResponse:
      return { type, requestHash: asBytes(field(0), 'request hash', 32), enr: field(1) };
    default:
      throw new DiscoveryPacketError(`unknown packet type ${type}`);
  }
}

/** Checks a packet's hash and signature and decodes it; any fault is a `DiscoveryPacketError`. */
export function decodePacket(packet: Uint8Array): DecodedPacket {
  if (packet.length > MAX_PACKET_SIZE) throw new DiscoveryPacketError(`packet of ${packet.length} bytes exceeds ${MAX_PACKET_SIZE}`);
  if (packet.length < HEADER_SIZE + 1) throw new DiscoveryPacketError(`packet of ${packet.length} bytes is too short`);
  const hash = packet.subarray(0, 32);
  if (!equalBytes(hash, keccak256(packet.subarray(32)))) throw new DiscoveryPacketError('packet hash mismatch');
  const signature = packet.subarray(32, 97);
  const typed = packet.subarray(97);
  try {
    const nodeId = recoverPublicKey(keccak256(typed), {
      r: bytesToBigInt(signature.subarray(0, 32)),
      s: bytesToBigInt(signature.subarray(32, 64)),
      yParity: signature[64],
    });
    // Data after the RLP body is allowed (EIP-8), so read one item from the front.
    const body = asList(rlpDecodeStream(typed.subarray(1)).value, 'packet body');
    return { hash, nodeId, message: decodeMessage(typed[0], body) };
  } catch (error) {
    if (error instanceof DiscoveryPacketError) throw error;
    throw new DiscoveryPacketError(`malformed packet: ${(error as Error).message}`, { cause: error });
  }
}

/** Expiration for a packet sent now: 20 seconds ahead, in Unix seconds (as geth uses). */
export function expiresIn(seconds = 20, now = Date.now()): bigint {
  return BigInt(Math.floor(now / 1000) + seconds);
}

export function isExpired(expiration: bigint, now = Date.now()): boolean {
  return expiration < BigInt(Math.floor(now / 1000));
}
