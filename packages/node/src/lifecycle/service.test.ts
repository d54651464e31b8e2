import { describe, expect, it } from 'vitest';
import { type Service, ServiceGroup } from './service';

function recorder(log: string[], name: string, failStart = false): Service {
  return {
    name,
    start: async () => {
      if (failStart) throw new Error('port in use');
      log.push(`start ${name}`);
    },
    stop: async () => {
      log.push(`stop ${name}`);
    },
  };
}

describe('service group', () => {
  it('stops in reverse order', async () => {
    const log: string[] = [];
    const group = new ServiceGroup(() => {});
    await group.start([recorder(log, 'store'), recorder(log, 'rpc')]);
    await group.stop();
    expect(log).toEqual(['start store', 'start rpc', 'stop rpc', 'stop store']);
  });

  it('stops what started when a later start fails', async () => {
    const log: string[] = [];
    const group = new ServiceGroup(() => {});
    await expect(group.start([recorder(log, 'store'), recorder(log, 'rpc', true)])).rejects.toThrow(/rpc failed to start: port in use/);
    expect(log).toEqual(['start store', 'stop store']);
  });
});
