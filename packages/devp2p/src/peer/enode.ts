import { isIP } from 'node:net';
import { bytesToHex, hexToBytes } from '@cairn/common';
import { NodeRecordError } from '../errors';

/** A node's identity and endpoint, as an enode URL gives them. */
export interface Enode {
  /** The 64-byte public key. */
  readonly id: Uint8Array;
  readonly address: string;
  readonly tcpPort: number;
  /** The discovery port: `?discport=` when given, else the TCP port. */
  readonly udpPort: number;
}

function port(text: string, what: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new NodeRecordError(`${what} ${JSON.stringify(text)} is not a port`);
  return n;
}

/** Strips the IPv4-mapped IPv6 prefix sockets report (`::ffff:1.2.3.4` is `1.2.3.4`). */
export function normalizeAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** Parses `enode://<128 hex digits>@<ip>:<port>[?discport=<port>]` (as --bootnodes takes). */
export function parseEnode(url: string): Enode {
  const match = /^enode:\/\/([0-9a-fA-F]{128})@(\[[0-9a-fA-F:.]+\]|[^:/?]+):(\d+)(?:\?discport=(\d+))?$/.exec(url.trim());
  if (!match) throw new NodeRecordError(`not an enode URL: ${JSON.stringify(url)}`);
  const address = match[2].startsWith('[') ? match[2].slice(1, -1) : match[2];
  if (isIP(address) === 0) throw new NodeRecordError(`enode host ${JSON.stringify(address)} is not an IP address`);
  const tcpPort = port(match[3], 'TCP port');
  return { id: hexToBytes(`0x${match[1]}`), address: normalizeAddress(address), tcpPort, udpPort: match[4] ? port(match[4], 'discovery port') : tcpPort };
}

export function formatEnode(node: Enode): string {
  const host = isIP(node.address) === 6 ? `[${node.address}]` : node.address;
  const disc = node.udpPort !== node.tcpPort ? `?discport=${node.udpPort}` : '';
  return `enode://${bytesToHex(node.id).slice(2)}@${host}:${node.tcpPort}${disc}`;
}

/** `--bootnodes`: enode URLs separated by commas (whitespace around them is allowed). */
export function parseBootnodes(list: string): Enode[] {
  return list
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url.length > 0)
    .map(parseEnode);
}
