import { describe, expect, it } from 'vitest';
import { MemoryChain } from '../../test/helpers/memory-chain';
import { DEFAULT_SERVE_LIMITS, EthServer } from './server';

const chain = new MemoryChain(50);

describe('serving eth requests', () => {
  it('caps answers at the item limit and the soft byte limit', async () => {
    const server = new EthServer(chain, undefined, { ...DEFAULT_SERVE_LIMITS, maxHeaders: 5, maxBodies: 3 });
    expect(await server.headers({ origin: 0n, limit: 100n, skip: 0n, reverse: false })).toHaveLength(5);
    expect(await server.bodies(chain.blocks.map((b) => b.hash))).toHaveLength(3);
    const small = new EthServer(chain, undefined, { ...DEFAULT_SERVE_LIMITS, softResponseBytes: chain.blocks[1].header.length * 2 });
    expect(await small.headers({ origin: 1n, limit: 10n, skip: 0n, reverse: false })).toHaveLength(2);
  });

  it('answers from a hash origin, stops at gaps and at the head', async () => {
    const server = new EthServer(chain, undefined, DEFAULT_SERVE_LIMITS);
    const fromHash = await server.headers({ origin: chain.blocks[48].hash, limit: 5n, skip: 0n, reverse: false });
    expect(fromHash).toEqual([chain.blocks[48].header, chain.blocks[49].header, chain.blocks[50].header]);
    expect(await server.headers({ origin: new Uint8Array(32), limit: 5n, skip: 0n, reverse: false })).toEqual([]);
    const bodies = await server.bodies([chain.blocks[1].hash, new Uint8Array(32), chain.blocks[2].hash]);
    expect(bodies).toEqual([chain.blocks[1].body]);
    expect(server.pooledTransactions([new Uint8Array(32)])).toEqual([]);
  });
});
