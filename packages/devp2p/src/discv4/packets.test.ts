import { privateKeyToPublicKey, randomPrivateKey } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { KademliaTable, logDistance } from './kademlia';
import { decodePacket, encodePacket, expiresIn, isExpired, PacketType } from './packets';

const key = randomPrivateKey();
const endpoint = { address: '127.0.0.1', udpPort: 30303, tcpPort: 30304 };

describe('discovery v4 packets', () => {
  it('round-trips every packet type and recovers the signer', () => {
    const messages = [
      { type: PacketType.Ping, version: 4n, from: endpoint, to: endpoint, expiration: expiresIn(), enrSeq: 3n },
      { type: PacketType.Pong, to: endpoint, pingHash: new Uint8Array(32).fill(1), expiration: expiresIn() },
      { type: PacketType.FindNode, target: new Uint8Array(64).fill(2), expiration: expiresIn() },
      {
        type: PacketType.Neighbors,
        nodes: [
          { ...endpoint, id: new Uint8Array(64).fill(3) },
          { address: '2001:db8:0:0:0:0:0:1', udpPort: 1, tcpPort: 2, id: new Uint8Array(64).fill(4) },
          { address: '0:0:0:0:0:ffff:a00:1', udpPort: 1, tcpPort: 2, id: new Uint8Array(64).fill(5) },
        ],
        expiration: expiresIn(),
      },
      { type: PacketType.EnrRequest, expiration: expiresIn() },
    ] as const;
    for (const m of messages) {
      const { packet, hash } = encodePacket(m, key);
      const decoded = decodePacket(packet);
      expect(decoded.hash).toEqual(hash);
      expect(decoded.nodeId).toEqual(privateKeyToPublicKey(key));
      expect(decoded.message).toEqual(m.type === PacketType.Pong ? { ...m, enrSeq: undefined } : m);
    }
  });

  it('refuses tampered, truncated and oversized packets', () => {
    const { packet } = encodePacket({ type: PacketType.EnrRequest, expiration: expiresIn() }, key);
    const tampered = packet.slice();
    tampered[tampered.length - 1] ^= 1;
    expect(() => decodePacket(tampered)).toThrow(/hash mismatch/);
    expect(() => decodePacket(packet.subarray(0, 50))).toThrow(/too short/);
    expect(() => decodePacket(new Uint8Array(1300))).toThrow(/exceeds/);
    expect(isExpired(expiresIn(-5))).toBe(true);
    expect(isExpired(expiresIn(5))).toBe(false);
  });
});

describe('Kademlia table', () => {
  it('buckets by log distance, keeps 16 per bucket and promotes replacements', () => {
    const local = privateKeyToPublicKey(randomPrivateKey());
    const table = new KademliaTable(local);
    const a = new Uint8Array(32);
    const b = new Uint8Array(32);
    b[0] = 0x80;
    expect(logDistance(a, b)).toBe(256);
    b[0] = 0;
    b[31] = 1;
    expect(logDistance(a, b)).toBe(1);
    expect(logDistance(a, a)).toBe(0);

    // Nodes with random ids fall mostly in the farthest bucket (distance 256): fill it past 16.
    const nodes = Array.from({ length: 80 }, () => ({ ...endpoint, id: privateKeyToPublicKey(randomPrivateKey()) }));
    let liveness = 0;
    for (const n of nodes) if (table.add(n).checkLiveness) liveness++;
    expect(liveness).toBeGreaterThan(0);
    const far = table.all().filter((e) => logDistance(table.localHash, e.hash) === 256);
    expect(far.length).toBe(16);
    const stale = table.revalidationCandidate(() => 0.999)!;
    const promoted = table.remove(stale.id);
    expect(table.get(stale.id)).toBeUndefined();
    if (logDistance(table.localHash, stale.hash) === 256) expect(promoted).toBeDefined();
    const closest = table.closest(nodes[0].id, 5);
    expect(closest).toHaveLength(5);
    expect(closest[0].id).toEqual(table.get(nodes[0].id)?.id ?? closest[0].id);
  });
});
