import { describe, expect, it } from 'vitest';
import { formatEnode, normalizeAddress, parseBootnodes, parseEnode } from './enode';
import { OffenceLog } from './offences';

const id = 'ab'.repeat(64);

describe('enode URLs', () => {
  it('parses and formats, with and without a separate discovery port', () => {
    const a = parseEnode(`enode://${id}@10.1.2.3:30303`);
    expect(a).toMatchObject({ address: '10.1.2.3', tcpPort: 30303, udpPort: 30303 });
    expect(formatEnode(a)).toBe(`enode://${id}@10.1.2.3:30303`);
    const b = parseEnode(`enode://${id}@[::1]:30303?discport=30301`);
    expect(b).toMatchObject({ address: '::1', tcpPort: 30303, udpPort: 30301 });
    expect(formatEnode(b)).toBe(`enode://${id}@[::1]:30303?discport=30301`);
    expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(parseBootnodes(` enode://${id}@10.1.2.3:30303 ,enode://${id}@10.1.2.4:30304, `).map((e) => e.tcpPort)).toEqual([30303, 30304]);
  });

  it('refuses what is not an enode URL', () => {
    for (const bad of [`enode://${id.slice(2)}@1.2.3.4:1`, `enode://${id}@host.example:30303`, `enode://${id}@1.2.3.4:70000`, 'http://x']) {
      expect(() => parseEnode(bad), bad).toThrow(/enode|port|IP/);
    }
  });
});

describe('offence log', () => {
  it('records offences and bans the node for a while', () => {
    let now = 1000;
    const log = new OffenceLog(500, 2, () => now);
    const nodeId = new Uint8Array(64).fill(1);
    log.record({ nodeId, address: '127.0.0.1', code: 'INVALID_RLP', message: 'x', reason: 2 });
    expect(log.isBanned(nodeId)).toBe(true);
    now += 501;
    expect(log.isBanned(nodeId)).toBe(false);
    log.record({ nodeId, address: '127.0.0.1', code: 'A', message: '', reason: 2 });
    log.record({ nodeId, address: '127.0.0.1', code: 'B', message: '', reason: 2 });
    expect(log.all().map((o) => o.code)).toEqual(['A', 'B']);
  });
});
