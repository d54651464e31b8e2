import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

describe('logger', () => {
  it('drops messages below its level and names the component', () => {
    const lines: string[] = [];
    const log = createLogger('INFO', (line) => lines.push(line)).child('rpc');
    log.debug('hidden');
    log.info('shown');
    log.error('failed', new Error('boom'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/\| INFO {2}\| rpc \| shown$/);
    expect(lines[1]).toMatch(/\| ERROR \| rpc \| failed: boom$/);
  });

  it('prints nothing when OFF', () => {
    const lines: string[] = [];
    createLogger('OFF', (line) => lines.push(line)).error('x');
    expect(lines).toEqual([]);
  });
});
