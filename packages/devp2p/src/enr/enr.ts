import { isIP } from 'node:net';
import {
  asBytes,
  asList,
  asUint,
  bigintToFixedBytes,
  bytesToBigInt,
  compareBytes,
  keccak256,
  type RlpInput,
  type RlpValue,
  rlpDecode,
  rlpEncode,
  signHash,
  verifySignature,
} from '@cairn/common';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { NodeRecordError } from '../errors';
import { decodeForkId, encodeForkId, type ForkId } from '../forkid/fork-id';

/** EIP-778: a record may not exceed 300 bytes. */
export const MAX_ENR_SIZE = 300;
const text = new TextEncoder();
const untext = new TextDecoder();

/** What Cairn puts in and reads from a node record; other keys are kept as they came. */
export interface EnrContent {
  readonly seq: bigint;
  /** The 64-byte public key (from the `secp256k1` entry, which holds it compressed). */
  readonly publicKey: Uint8Array;
  readonly ip?: string;
  readonly tcp?: number;
  readonly udp?: number;
  /** EIP-2124's `eth` entry: the fork id the node announces. */
  readonly forkId?: ForkId;
}

/** A signed node record (EIP-778, "v4" identity scheme) with its decoded content. */
export interface Enr extends EnrContent {
  /** The record's RLP, exactly as signed. */
  readonly encoded: Uint8Array;
}

function uncompress(compressed: Uint8Array): Uint8Array {
  try {
    return secp256k1.Point.fromBytes(compressed).toBytes(false).subarray(1);
  } catch (error) {
    throw new NodeRecordError('ENR secp256k1 key is not a curve point', { cause: error });
  }
}

function compress(publicKey: Uint8Array): Uint8Array {
  const prefixed = new Uint8Array(65);
  prefixed[0] = 4;
  prefixed.set(publicKey, 1);
  return secp256k1.Point.fromBytes(prefixed).toBytes(true);
}

function ipBytes(ip: string): Uint8Array {
  if (isIP(ip) !== 4) throw new NodeRecordError(`ENR ip ${ip} is not IPv4`);
  return new Uint8Array(ip.split('.').map(Number));
}

/** Builds and signs a record with the node's private key. */
export function createEnr(privateKey: Uint8Array, content: Omit<EnrContent, 'publicKey'>, publicKey: Uint8Array): Enr {
  const pairs: [string, RlpInput][] = [
    ['id', text.encode('v4')],
    ['secp256k1', compress(publicKey)],
  ];
  if (content.ip !== undefined) pairs.push(['ip', ipBytes(content.ip)]);
  if (content.tcp !== undefined) pairs.push(['tcp', BigInt(content.tcp)]);
  if (content.udp !== undefined) pairs.push(['udp', BigInt(content.udp)]);
  if (content.forkId !== undefined) pairs.push(['eth', [encodeForkId(content.forkId)]]);
  pairs.sort((a, b) => compareBytes(text.encode(a[0]), text.encode(b[0])));
  const body: RlpInput[] = [content.seq, ...pairs.flatMap(([k, v]) => [text.encode(k), v])];
  const sig = signHash(keccak256(rlpEncode(body)), privateKey);
  const signature = new Uint8Array(64);
  signature.set(bigintToFixedBytes(sig.r, 32), 0);
  signature.set(bigintToFixedBytes(sig.s, 32), 32);
  const encoded = rlpEncode([signature, ...body]);
  if (encoded.length > MAX_ENR_SIZE) throw new NodeRecordError(`ENR of ${encoded.length} bytes exceeds ${MAX_ENR_SIZE}`);
  return { ...content, publicKey, encoded };
}

/** Decodes a record and checks its signature and key order; throws `NodeRecordError` otherwise. */
export function decodeEnr(value: RlpValue): Enr {
  try {
    const encoded = rlpEncode(value);
    if (encoded.length > MAX_ENR_SIZE) throw new NodeRecordError(`ENR of ${encoded.length} bytes exceeds ${MAX_ENR_SIZE}`);
    const items = asList(value, 'ENR');
    if (items.length < 2 || items.length % 2 !== 0) throw new NodeRecordError('ENR must hold a signature, a sequence number and key/value pairs');
    const signature = asBytes(items[0], 'ENR signature', 64);
    const seq = asUint(items[1], 'ENR seq', 8);
    const entries = new Map<string, RlpValue>();
    let previous: Uint8Array | undefined;
    for (let i = 2; i < items.length; i += 2) {
      const key = asBytes(items[i], 'ENR key');
      if (previous && compareBytes(previous, key) >= 0) throw new NodeRecordError('ENR keys are not sorted and unique');
      previous = key;
      entries.set(untext.decode(key), items[i + 1]);
    }
    const id = entries.get('id');
    if (!(id instanceof Uint8Array) || untext.decode(id) !== 'v4') throw new NodeRecordError('ENR identity scheme is not v4');
    const publicKey = uncompress(asBytes(entries.get('secp256k1') ?? new Uint8Array(0), 'ENR secp256k1 key', 33));
    const sig = { r: bytesToBigInt(signature.subarray(0, 32)), s: bytesToBigInt(signature.subarray(32)), yParity: 0 };
    if (!verifySignature(keccak256(rlpEncode(items.slice(1))), sig, publicKey)) throw new NodeRecordError('ENR signature does not verify');
    const ip = entries.get('ip');
    const eth = entries.get('eth');
    return {
      seq,
      publicKey,
      ip: ip ? asBytes(ip, 'ENR ip', 4).join('.') : undefined,
      tcp: entries.has('tcp') ? Number(asUint(entries.get('tcp')!, 'ENR tcp', 2)) : undefined,
      udp: entries.has('udp') ? Number(asUint(entries.get('udp')!, 'ENR udp', 2)) : undefined,
      forkId: eth ? decodeForkId(asList(eth, 'ENR eth entry')[0]) : undefined,
      encoded,
    };
  } catch (error) {
    if (error instanceof NodeRecordError) throw error;
    throw new NodeRecordError(`malformed ENR: ${(error as Error).message}`, { cause: error });
  }
}

/** Decodes a record from its bytes. */
export function parseEnrBytes(bytes: Uint8Array): Enr {
  try {
    return decodeEnr(rlpDecode(bytes));
  } catch (error) {
    if (error instanceof NodeRecordError) throw error;
    throw new NodeRecordError(`ENR is not RLP: ${(error as Error).message}`, { cause: error });
  }
}
