import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { listenForShutdown } from './signals';

describe('listenForShutdown', () => {
  it('resolves on the first SIGINT or SIGTERM, forces on the second, and lets go of the signals', async () => {
    const source = new EventEmitter();
    const forced: string[] = [];
    const shutdown = listenForShutdown(source, (signal) => forced.push(signal));
    source.emit('SIGTERM', 'SIGTERM');
    expect(await shutdown.received).toBe('SIGTERM');
    expect(forced).toEqual([]);
    source.emit('SIGINT', 'SIGINT');
    expect(forced).toEqual(['SIGINT']);
    shutdown.dispose();
    expect(source.listenerCount('SIGINT') + source.listenerCount('SIGTERM')).toBe(0);
  });
});
