import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The node's Prometheus metrics, on a registry of their own (never prom-client's global one, so
 * two nodes in one process, as in tests, do not share counters). Components receive only the
 * metric they update.
 */
export class NodeMetrics {
  readonly registry = new Registry();
  readonly chainHead = new Gauge({ name: 'cairn_chain_head_block_number', help: 'Number of the canonical head block', registers: [this.registry] });
  readonly importedBlocks = new Counter({ name: 'cairn_chain_imported_blocks_total', help: 'Blocks imported', registers: [this.registry] });
  readonly importedGas = new Counter({ name: 'cairn_chain_imported_gas_total', help: 'Gas used by imported blocks', registers: [this.registry] });
  readonly txPoolSize = new Gauge({ name: 'cairn_txpool_transactions', help: 'Transactions in the pool', labelNames: ['queue'], registers: [this.registry] });
  readonly rpcRequests = new Counter({ name: 'cairn_rpc_requests_total', help: 'JSON-RPC requests by method and outcome', labelNames: ['method', 'outcome'], registers: [this.registry] });
  readonly rpcLatency = new Histogram({
    name: 'cairn_rpc_request_duration_seconds',
    help: 'JSON-RPC request latency by method',
    labelNames: ['method'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly peers = new Gauge({ name: 'cairn_network_peers', help: 'Connected peers', registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'cairn_process_' });
  }
}
