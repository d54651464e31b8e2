import { ValueError } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import type { EpochCache } from './cache';
import { EpochCacheLru } from './cache-lru';

/** A stand-in build that records which epochs were built; the LRU never looks inside a cache. */
function recordingBuild() {
  const built: number[] = [];
  const build = async (epoch: number): Promise<EpochCache> => {
    built.push(epoch);
    return { epoch, bytes: new Uint8Array(0), words: new Uint32Array(0), itemCount: 0, datasetItemCount: 0 };
  };
  return { built, build };
}

describe('EpochCacheLru', () => {
  it('builds each epoch once and shares a build in progress', async () => {
    const { built, build } = recordingBuild();
    const lru = new EpochCacheLru(2, build);
    const [a, b] = await Promise.all([lru.get(0), lru.get(0)]);
    expect(a).toBe(b);
    expect(await lru.get(0)).toBe(a);
    expect(built).toEqual([0]);
  });

  it('evicts the least recently used epoch beyond its capacity', async () => {
    const { built, build } = recordingBuild();
    const lru = new EpochCacheLru(2, build);
    await lru.get(0);
    await lru.get(1);
    await lru.get(0); // 1 is now the least recently used
    await lru.get(2);
    expect(lru.epochs()).toEqual([0, 2]);
    await lru.get(1);
    expect(built).toEqual([0, 1, 2, 1]);
    expect(lru.epochs()).toEqual([2, 1]);
  });

  it('forgets a failed build so that the next request retries', async () => {
    let attempts = 0;
    const lru = new EpochCacheLru(2, async (epoch) => {
      attempts++;
      if (attempts === 1) throw new Error('out of memory');
      return recordingBuild().build(epoch);
    });
    await expect(lru.get(5)).rejects.toThrow('out of memory');
    expect(lru.epochs()).toEqual([]);
    expect((await lru.get(5)).epoch).toBe(5);
    expect(attempts).toBe(2);
  });

  it('refuses a capacity below one', () => {
    const { build } = recordingBuild();
    expect(() => new EpochCacheLru(0, build)).toThrow(ValueError);
    expect(() => new EpochCacheLru(1.5, build)).toThrow(ValueError);
  });
});
