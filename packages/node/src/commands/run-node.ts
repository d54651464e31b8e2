import { resolve } from 'node:path';
import type { NodeOptions } from '../cli/options';
import { formatBanner } from '../banner';
import { composeNode } from '../compose/node';
import type { ShutdownSignal } from '../lifecycle/signals';
import type { Logger } from '../logging/logger';
import { CAIRN_VERSION } from '../version';

export interface RunNodeIo {
  readonly logger: Logger;
  /** Where the banner goes. */
  readonly print: (line: string) => void;
  readonly shutdown: ShutdownSignal;
}

/**
 * `cairn [OPTIONS]`: composes and starts the node, prints the banner, runs until SIGINT or
 * SIGTERM, then stops every service in reverse order (RPC stops taking requests, the producer
 * finishes the block in hand, the store is flushed and closed). Returns the exit code.
 */
export async function runNode(options: NodeOptions, io: RunNodeIo): Promise<number> {
  const node = await composeNode({ ...options, 'data-path': resolve(options['data-path']) }, { logger: io.logger });
  await node.start();
  const { chain, engine, spec, rpc, metrics, p2p } = node.components;
  const address = metrics?.address();
  const banner = formatBanner({
    version: CAIRN_VERSION,
    spec,
    chain,
    engine: engine.name,
    options: { ...options, 'data-path': resolve(options['data-path']) },
    endpoints: { http: rpc?.httpUrl, ws: rpc?.wsUrl, metrics: address && `http://${address.address}:${address.port}/metrics`, enode: p2p?.enode },
  });
  for (const line of banner) io.print(line);
  const signal = await io.shutdown.received;
  io.logger.info(`${signal} received: shutting down (send it again to exit at once)`);
  await node.stop();
  io.logger.info(`stopped at head #${chain.head.header.number}`);
  return 0;
}
