import type { CapabilityId } from './hello';
import { SUBPROTOCOL_OFFSET } from './hello';

/** A sub-protocol version this node offers, with the size of its message-id space. */
export interface Capability extends CapabilityId {
  readonly length: number;
}

/** A capability both sides share, with the message-id offset it was given for this session. */
export interface SharedCapability extends Capability {
  readonly offset: number;
}

/**
 * The capabilities both sides offer, per name the highest version both know, ordered by name
 * and laid out one after another from id 0x10 (devp2p "Message ID-based multiplexing").
 */
export function negotiateCapabilities(local: readonly Capability[], remote: readonly CapabilityId[]): SharedCapability[] {
  const best = new Map<string, Capability>();
  for (const mine of local) {
    if (!remote.some((r) => r.name === mine.name && r.version === mine.version)) continue;
    const current = best.get(mine.name);
    if (!current || current.version < mine.version) best.set(mine.name, mine);
  }
  let offset = SUBPROTOCOL_OFFSET;
  return [...best.values()]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((c) => {
      const shared = { ...c, offset };
      offset += c.length;
      return shared;
    });
}
