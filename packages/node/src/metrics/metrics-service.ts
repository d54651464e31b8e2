import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Service } from '../lifecycle/service';
import type { NodeMetrics } from './node-metrics';

/** Serves the metrics in Prometheus' text format at `/metrics` (as Besu does, on 9545 by default). */
export class MetricsService implements Service {
  readonly name = 'metrics';
  private server: Server | undefined;

  constructor(
    private readonly metrics: NodeMetrics,
    private readonly host: string,
    private readonly port: number,
  ) {}

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || (request.url !== '/metrics' && request.url !== '/')) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: metrics are at /metrics\n');
        return;
      }
      this.metrics.registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': this.metrics.registry.contentType }).end(text),
        (error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`cannot collect metrics: ${error.message}\n`),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
  }

  /** The bound address (useful when started on port 0). */
  address(): AddressInfo | undefined {
    return this.server?.address() as AddressInfo | undefined;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
