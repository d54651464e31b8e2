import { bytesToHex } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { localRpc } from '../../test/support/local-rpc';
import { MemoryChain } from '../../test/support/memory-chain';
import { emptyBlock } from '../../test/support/sample-block';
import { adminMethods, enodeUrl } from './admin';

const nodeId = new Uint8Array(64).fill(0xab);
const chain = new MemoryChain();
const genesis = chain.add(emptyBlock(undefined));

describe('admin_nodeInfo', () => {
  it('describes the node in Besu’s shape', async () => {
    const call = localRpc(
      adminMethods({
        identity: { nodeId, ip: '127.0.0.1', listenPort: 30303, discoveryPort: 30301 },
        clientVersion: 'cairn/v0.1.0/linux-x64/node20',
        chain,
        networkId: () => 1337n,
        genesisHash: genesis.hash(),
        genesisConfig: { chainId: 1337, londonBlock: 0 },
        totalDifficulty: async () => 1n,
      }),
    );
    const info = (await call('admin_nodeInfo')).result;
    expect(info).toEqual({
      enode: `enode://${'ab'.repeat(64)}@127.0.0.1:30303?discport=30301`,
      listenAddr: '127.0.0.1:30303',
      ip: '127.0.0.1',
      name: 'cairn/v0.1.0/linux-x64/node20',
      id: 'ab'.repeat(64),
      ports: { discovery: 30301, listener: 30303 },
      protocols: {
        eth: { config: { chainId: 1337, londonBlock: 0 }, difficulty: '0x1', genesis: bytesToHex(genesis.hash()), head: bytesToHex(genesis.hash()), network: 1337 },
      },
    });
  });

  it('adds the node record when there is one', async () => {
    const enr = 'enr:-IS4QHCYrYZbAKWCBRlAy5zzaDZXJBGkcnh4MHcBFZntXNFrdvJjX04jRzjzCBOonrkTfj499SZuOh8R33Ls8RRcy5wBgmlkgnY0gmlwhH8AAAGJc2VjcDI1NmsxoQPKY0yuDUmstAHYpMa2_oxVtw0RW_QAdpzBQA8yWM0xOIN1ZHCCdl8';
    const call = localRpc(
      adminMethods({
        identity: { nodeId, ip: '127.0.0.1', listenPort: 30303, discoveryPort: 30303, enr },
        clientVersion: 'cairn',
        chain,
        networkId: () => 1337n,
        genesisHash: genesis.hash(),
        genesisConfig: {},
      }),
    );
    const info = (await call('admin_nodeInfo')).result;
    expect(info.enr).toBe(enr);
    expect(info.enode).toBe(`enode://${'ab'.repeat(64)}@127.0.0.1:30303`);
  });

  it('brackets IPv6 hosts and omits discport when it is the listening port', () => {
    expect(enodeUrl({ nodeId, ip: '::1', listenPort: 30303, discoveryPort: 30303 })).toBe(`enode://${'ab'.repeat(64)}@[::1]:30303`);
  });
});
