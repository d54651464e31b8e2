import type { SyncStatus } from '@cairn/rpc';
import { describe, expect, it } from 'vitest';
import { SyncState } from './sync-state';

describe('sync state', () => {
  it('reports start and end at once and progress at most once per interval', () => {
    let now = 0;
    const state = new SyncState((error) => {
      throw error;
    }, 1000, () => now);
    const heard: (SyncStatus | null)[] = [];
    state.subscribe((status) => heard.push(status));
    expect(state.status()).toBeNull();

    state.begin(10n, 500n);
    state.progress(20n);
    now = 1500;
    state.progress(30n, 600n);
    state.progress(40n);
    expect(state.status()).toEqual({ startingBlock: 10n, currentBlock: 40n, highestBlock: 600n });
    state.end();
    expect(heard).toEqual([
      { startingBlock: 10n, currentBlock: 10n, highestBlock: 500n },
      { startingBlock: 10n, currentBlock: 30n, highestBlock: 600n },
      null,
    ]);
  });

  it('keeps the highest block at least the current one and ignores progress when not syncing', () => {
    const state = new SyncState(() => {});
    state.progress(5n);
    expect(state.status()).toBeNull();
    state.begin(0n, 10n);
    state.progress(12n);
    expect(state.status()).toEqual({ startingBlock: 0n, currentBlock: 12n, highestBlock: 12n });
    // A second begin while syncing moves the target and keeps the start.
    state.begin(12n, 40n);
    expect(state.status()).toEqual({ startingBlock: 0n, currentBlock: 12n, highestBlock: 40n });
  });

  it('isolates a listener that throws', () => {
    const errors: unknown[] = [];
    const state = new SyncState((error) => errors.push(error));
    const heard: unknown[] = [];
    state.subscribe(() => {
      throw new Error('listener broke');
    });
    state.subscribe((status) => heard.push(status));
    state.begin(0n, 10n);
    expect(heard).toHaveLength(1);
    expect(errors).toHaveLength(1);
  });
});
