import { bytesToHex, randomPrivateKey } from '@cairn/common';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeAllowlist, PeerManager, parseEnode, peerManagerOptions } from '../src/index';
import { MemoryChain } from './helpers/memory-chain';

const managers: PeerManager[] = [];
afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.close()));
});

const chain = new MemoryChain(3);

async function node(allowlist?: NodeAllowlist) {
  const manager = new PeerManager(peerManagerOptions({ privateKey: randomPrivateKey(), chain, listenAddress: '127.0.0.1', listenPort: 0, allowlist }));
  managers.push(manager);
  const port = await manager.listen();
  return { manager, port, url: `enode://${bytesToHex(manager.nodeId).slice(2)}@127.0.0.1:${port}` };
}

describe('node allowlist (Besu permissions TOML)', () => {
  it('reads nodes-allowlist and ignores the other keys', () => {
    const id = 'a'.repeat(128);
    const list = NodeAllowlist.fromToml(`accounts-allowlist=["0x0000000000000000000000000000000000000001"]\nnodes-allowlist=["enode://${id}@127.0.0.1:30303","enode://${id}@10.0.0.2:30304?discport=30305"]\n`);
    expect(list.entries).toHaveLength(2);
    expect(list.entries[1].udpPort).toBe(30305);
    expect(list.permits(list.entries[0].id, '::ffff:127.0.0.1', 30303)).toBe(true);
    expect(list.permits(list.entries[0].id, '127.0.0.2', 30303)).toBe(false);
    expect(list.permits(list.entries[0].id, '127.0.0.1', 30309)).toBe(false);
    expect(list.permitsDiscovery(list.entries[1].id, '10.0.0.2', 30305)).toBe(true);
    expect(() => NodeAllowlist.fromToml('nodes-allowlist=["enode://zz@1.2.3.4:1"]')).toThrow(/enode/);
    expect(() => NodeAllowlist.fromToml('nodes-allowlist=[1]')).toThrow(/strings/);
    expect(() => NodeAllowlist.fromToml('nodes-allowlist=[')).toThrow(/TOML/);
  });

  it('lets listed nodes in and refuses every other peer, in both directions', async () => {
    const friend = await node();
    const stranger = await node();
    const guarded = await node(NodeAllowlist.fromToml(`nodes-allowlist=["${friend.url}"]`));
    const guardedEnode = parseEnode(guarded.url);

    const peer = await friend.manager.connect(guardedEnode);
    expect(peer.nodeId).toEqual(guarded.manager.nodeId);
    await expect(stranger.manager.connect(guardedEnode)).rejects.toThrow(/reason 3/);
    await expect(guarded.manager.connect(parseEnode(stranger.url))).rejects.toThrow(/allowlist/);
    expect(guarded.manager.peers().map((p) => bytesToHex(p.nodeId))).toEqual([bytesToHex(friend.manager.nodeId)]);
    // Refusals are not offences: the stranger did nothing wrong.
    expect(guarded.manager.offences.all()).toHaveLength(0);
  });
});
