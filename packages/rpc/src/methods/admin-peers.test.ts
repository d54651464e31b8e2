import { describe, expect, it } from 'vitest';
import { localRpc } from '../../test/support/local-rpc';
import { adminPeerMethods, type PeerAdmin, type PeerInfo } from './admin-peers';

const id = new Uint8Array(64).fill(0xcd);
const enode = `enode://${'cd'.repeat(64)}@10.0.0.2:30303`;
const peer: PeerInfo = {
  version: 5,
  name: 'besu/v24.1.0/linux-x86_64/openjdk-java-21',
  caps: ['eth/66', 'eth/67', 'eth/68'],
  localAddress: '10.0.0.1:30303',
  remoteAddress: '10.0.0.2:51234',
  port: 30303,
  id,
  eth: { difficulty: 131072n, head: new Uint8Array(32).fill(0x11), version: 68 },
  enode,
};

/** A peer set that keeps static peers by their URL, refusing hosts that are not addresses. */
class StaticPeers implements PeerAdmin {
  readonly statics = new Set<string>();
  peers() {
    return [peer];
  }
  addPeer(url: string) {
    if (url.includes('@example.org')) throw new Error('enode host "example.org" is not an IP address');
    if (this.statics.has(url)) return false;
    this.statics.add(url);
    return true;
  }
  removePeer(url: string) {
    return this.statics.delete(url);
  }
}

describe('admin peer methods', () => {
  const admin = new StaticPeers();
  const call = localRpc(adminPeerMethods(admin));

  it('lists peers in Besu’s shape', async () => {
    expect((await call('admin_peers')).result).toEqual([
      {
        version: '0x5',
        name: peer.name,
        caps: ['eth/66', 'eth/67', 'eth/68'],
        network: { localAddress: '10.0.0.1:30303', remoteAddress: '10.0.0.2:51234' },
        port: '0x765f',
        id: `0x${'cd'.repeat(64)}`,
        protocols: { eth: { difficulty: '0x20000', head: `0x${'11'.repeat(32)}`, version: 68 } },
        enode,
      },
    ]);
  });

  it('adds and removes static peers, answering whether the set changed', async () => {
    expect((await call('admin_addPeer', [enode])).result).toBe(true);
    expect((await call('admin_addPeer', [enode])).result).toBe(false);
    expect(admin.statics.has(enode)).toBe(true);
    expect((await call('admin_removePeer', [enode])).result).toBe(true);
    expect((await call('admin_removePeer', [enode])).result).toBe(false);
  });

  it('refuses bad enode URLs with Besu’s errors, changing nothing', async () => {
    expect((await call('admin_addPeer', [`enode://0x${'cd'.repeat(63)}@10.0.0.2:30303`])).error).toEqual({
      code: -32000,
      message: "Invalid node ID: node ID must have exactly 128 hexadecimal characters and should not include any '0x' hex prefix.",
    });
    const notEnode = await call('admin_addPeer', ['http://10.0.0.2:30303']);
    expect(notEnode.error?.code).toBe(-32602);
    expect(notEnode.error?.message).toContain('params[0] (enode)');
    const badHost = await call('admin_addPeer', [`enode://${'cd'.repeat(64)}@example.org:30303`]);
    expect(badHost.error).toEqual({ code: -32602, message: 'Invalid params: params[0] (enode): enode host "example.org" is not an IP address' });
    expect((await call('admin_removePeer', [42])).error?.code).toBe(-32602);
    expect(admin.statics.size).toBe(0);
  });
});
