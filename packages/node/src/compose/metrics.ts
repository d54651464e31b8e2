import type { Blockchain, TransactionPool } from '@cairn/chain';
import type { RequestObserver } from '@cairn/rpc';
import type { BlockImporter } from '../chain/block-importer';
import type { NodeOptions } from '../cli/options';
import { MetricsService } from '../metrics/metrics-service';
import { NodeMetrics } from '../metrics/node-metrics';
import type { P2pService } from '../p2p/p2p-service';

export interface MetricsInputs {
  readonly chain: Blockchain;
  readonly importer: BlockImporter;
  readonly pool: TransactionPool;
  readonly options: Pick<NodeOptions, 'metrics-enabled' | 'metrics-host' | 'metrics-port'>;
  /** The peer count comes from it; without p2p it stays 0. */
  readonly p2p?: P2pService;
}

/** The metrics and their HTTP service, fed by the importer, the pool and the peers; none unless `--metrics-enabled`. */
export function createMetrics({ chain, importer, pool, options, p2p }: MetricsInputs): { metrics: NodeMetrics; service: MetricsService } | undefined {
  if (!options['metrics-enabled']) return undefined;
  const metrics = new NodeMetrics();
  metrics.chainHead.set(Number(chain.head.header.number));
  const poolSize = () => {
    const { pending, queued } = pool.status();
    metrics.txPoolSize.set({ queue: 'pending' }, pending);
    metrics.txPoolSize.set({ queue: 'queued' }, queued);
  };
  poolSize();
  pool.subscribe({ onAdded: poolSize, onDropped: poolSize });
  importer.onHeadChange((change) => {
    metrics.chainHead.set(Number(change.head.header.number));
    metrics.importedBlocks.inc(change.added.length);
    metrics.importedGas.inc(Number(change.added.reduce((sum, block) => sum + block.header.gasUsed, 0n)));
    poolSize();
  });
  const peers = () => metrics.peers.set(p2p?.network.peers().length ?? 0);
  p2p?.network.onPeerAdded(peers);
  p2p?.network.onPeerRemoved(peers);
  return { metrics, service: new MetricsService(metrics, options['metrics-host'], options['metrics-port']) };
}

/** Counts RPC requests by method and outcome, and their latency by method. */
export function rpcObserver(metrics: NodeMetrics): RequestObserver {
  return (method, outcome, seconds) => {
    metrics.rpcRequests.inc({ method, outcome });
    metrics.rpcLatency.observe({ method }, seconds);
  };
}
