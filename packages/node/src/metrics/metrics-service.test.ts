import { describe, expect, it } from 'vitest';
import { MetricsService } from './metrics-service';
import { NodeMetrics } from './node-metrics';

describe('metrics service', () => {
  it('serves the node metrics over HTTP', async () => {
    const metrics = new NodeMetrics();
    metrics.chainHead.set(42);
    metrics.rpcRequests.inc({ method: 'eth_blockNumber', outcome: 'ok' });
    const service = new MetricsService(metrics, '127.0.0.1', 0);
    await service.start();
    try {
      const url = `http://127.0.0.1:${service.address()!.port}`;
      const text = await (await fetch(`${url}/metrics`)).text();
      expect(text).toMatch(/^cairn_chain_head_block_number 42$/m);
      expect(text).toMatch(/cairn_rpc_requests_total\{method="eth_blockNumber",outcome="ok"\} 1/);
      expect((await fetch(`${url}/other`)).status).toBe(404);
    } finally {
      await service.stop();
    }
  });

  it('reports a port already in use', async () => {
    const first = new MetricsService(new NodeMetrics(), '127.0.0.1', 0);
    await first.start();
    try {
      const second = new MetricsService(new NodeMetrics(), '127.0.0.1', first.address()!.port);
      await expect(second.start()).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.stop();
    }
  });
});
