import { bytesToHex, equalBytes } from '@cairn/common';
import { parse } from 'smol-toml';
import { NodeRecordError } from '../errors';
import { type Enode, normalizeAddress, parseEnode } from './enode';

/**
 * The node allowlist of Besu's local permissioning (`--permissions-nodes-config-file-enabled`,
 * `--permissions-nodes-config-file`): a TOML file whose `nodes-allowlist` array lists enode
 * URLs. When enabled, only listed nodes may connect or be dialled; everyone else is refused.
 * A node matches an entry by public key and IP address, and by listening port once known.
 */
export class NodeAllowlist {
  readonly entries: readonly Enode[];

  constructor(entries: readonly Enode[]) {
    this.entries = entries;
  }

  /** Reads Besu's permissions TOML; other keys (such as `accounts-allowlist`) are ignored. */
  static fromToml(text: string): NodeAllowlist {
    let doc: Record<string, unknown>;
    try {
      doc = parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new NodeRecordError(`permissions file is not TOML: ${(error as Error).message}`, { cause: error });
    }
    const list = doc['nodes-allowlist'];
    if (list === undefined) return new NodeAllowlist([]);
    if (!Array.isArray(list) || list.some((e) => typeof e !== 'string')) {
      throw new NodeRecordError('nodes-allowlist must be an array of enode URL strings');
    }
    return new NodeAllowlist(list.map((url) => parseEnode(url as string)));
  }

  /** Whether the node `id` at `address` may connect; `listenPort` is checked when given and non-zero. */
  permits(id: Uint8Array, address: string, listenPort?: number): boolean {
    const ip = normalizeAddress(address);
    return this.entries.some((e) => equalBytes(e.id, id) && e.address === ip && (!listenPort || e.tcpPort === listenPort));
  }

  /** Whether discovery may talk to the node `id` at `address` and UDP port. */
  permitsDiscovery(id: Uint8Array, address: string, udpPort: number): boolean {
    const ip = normalizeAddress(address);
    return this.entries.some((e) => equalBytes(e.id, id) && e.address === ip && e.udpPort === udpPort);
  }

  toString(): string {
    return `allowlist of ${this.entries.length}: ${this.entries.map((e) => bytesToHex(e.id).slice(2, 10)).join(', ')}`;
  }
}
