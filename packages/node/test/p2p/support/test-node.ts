import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Blockchain, importBlockFile, nextBaseFee, ProofOfStakeEngine, TransactionPool } from '@cairn/chain';
import { bytesToHex, parseGenesis, randomPrivateKey } from '@cairn/common';
import { formatEnode, parseEnode } from '@cairn/devp2p';
import { Evm, precompilesFor } from '@cairn/evm';
import { LevelDbStore } from '@cairn/storage';
import { createLogger, type Logger } from '../../../src/logging/logger';
import type { P2pNetworkConfig } from '../../../src/p2p/p2p-network';
import { P2pService } from '../../../src/p2p/p2p-service';
import type { SyncOptions } from '../../../src/sync/sync-options';

/** Logs of the test nodes: silent unless CAIRN_TEST_LOG names a level (DEBUG, say). */
export function testLogger(name: string): Logger {
  const level = (process.env.CAIRN_TEST_LOG ?? 'OFF') as Parameters<typeof createLogger>[0];
  return createLogger(level, (line) => process.stderr.write(`[${name}] ${line}\n`), name);
}

/** The p2p settings of a node on loopback with system-chosen ports and quick dialing. */
export function loopbackConfig(bootnodes: readonly string[], privateKey = randomPrivateKey()): P2pNetworkConfig {
  return {
    privateKey,
    host: '127.0.0.1',
    listenInterface: '127.0.0.1',
    port: 0,
    discovery: true,
    bootnodes: bootnodes.map(parseEnode),
    maxPeers: 25,
    natMethod: 'NONE',
    clientId: 'cairn/test',
    dialIntervalMs: 200,
    dialRetryMs: 1000,
  };
}

/** A node run in the test's process: LevelDB chain, transaction pool, and the p2p service. */
export interface TestNode {
  readonly chain: Blockchain;
  readonly pool: TransactionPool;
  readonly service: P2pService;
  readonly dataDir: string;
  enode(): string;
  close(): Promise<void>;
}

export interface TestNodeOptions {
  readonly name: string;
  readonly genesisJson: unknown;
  readonly bootnodes?: readonly string[];
  /** Blocks imported before the node starts (a block file). */
  readonly blocksFile?: string;
  readonly dataDir?: string;
  readonly privateKey?: Uint8Array;
  readonly syncOptions?: Partial<SyncOptions>;
}

export async function startTestNode(options: TestNodeOptions): Promise<TestNode> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `cairn-p2p-${options.name}-`));
  const store = await LevelDbStore.open(join(dataDir, 'database'));
  const chain = await Blockchain.open({ store, genesis: parseGenesis(options.genesisJson), engine: new ProofOfStakeEngine(), evm: new Evm({ precompiles: precompilesFor }) });
  if (options.blocksFile) {
    const summary = await importBlockFile(chain, options.blocksFile);
    if (summary.failure) throw new Error(`test chain import failed: ${summary.failure.reason}`);
  }
  const log = testLogger(options.name);
  const head = chain.head.header;
  const pool = new TransactionPool({
    head: { number: head.number, gasLimit: head.gasLimit, baseFee: nextBaseFee(head), rules: chain.config.rulesAt(head.number + 1n, head.timestamp + 12n, true) },
    accounts: {
      getNonce: async (address) => (await chain.stateAt(chain.head.header).getAccount(address))?.nonce ?? 0n,
      getBalance: async (address) => (await chain.stateAt(chain.head.header).getAccount(address))?.balance ?? 0n,
    },
    options: { minGasPrice: 0n },
    onListenerError: (error) => log.error('pool listener failed', error),
  });
  const service = new P2pService(loopbackConfig(options.bootnodes ?? [], options.privateKey), { chain, pool, log, syncOptions: options.syncOptions });
  await service.start();
  return {
    chain,
    pool,
    service,
    dataDir,
    enode: () => {
      const local = service.network.local!;
      return formatEnode({ id: service.rpcBackends().identity.nodeId, address: local.address, tcpPort: local.tcpPort, udpPort: local.udpPort });
    },
    close: async () => {
      await service.stop();
      await chain.close();
      await store.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `condition` every 50 ms until it holds, failing with `what` after `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function headOf(node: TestNode) {
  const head = node.chain.head;
  return { number: head.header.number, hash: bytesToHex(head.hash()), stateRoot: bytesToHex(head.header.stateRoot) };
}
