import { describe, expect, it } from 'vitest';
import { RequestError } from '../errors';
import { RequestTracker } from './request-tracker';

describe('request tracker', () => {
  it('matches answers by id and type, queues past the in-flight limit, and times out', async () => {
    const tracker = new RequestTracker(1, 200);
    const sent: bigint[] = [];
    const first = tracker.request(4, (id) => sent.push(id));
    const second = tracker.request(4, (id) => sent.push(id));
    await Promise.resolve();
    expect(sent).toEqual([1n]); // the second waits for a free slot
    expect(tracker.deliver(1n, 6, [])).toBe(false); // wrong answer type
    expect(tracker.deliver(9n, 4, [])).toBe(false); // unknown id
    expect(tracker.deliver(1n, 4, [new Uint8Array([1])])).toBe(true);
    expect(await first).toEqual([new Uint8Array([1])]);
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual([1n, 2n]);
    await expect(second).rejects.toMatchObject({ code: 'REQUEST_TIMEOUT' });
    expect(tracker.deliver(2n, 4, [])).toBe(false); // late answers are dropped
  });

  it('fails outstanding and waiting requests when the peer goes', async () => {
    const tracker = new RequestTracker(1, 10_000);
    const a = tracker.request(4, () => {});
    const b = tracker.request(4, () => {});
    tracker.close(new RequestError('PEER_GONE', 'gone'));
    await expect(a).rejects.toMatchObject({ code: 'PEER_GONE' });
    await expect(b).rejects.toMatchObject({ code: 'PEER_GONE' });
    await expect(tracker.request(4, () => {})).rejects.toMatchObject({ code: 'PEER_GONE' });
  });
});
