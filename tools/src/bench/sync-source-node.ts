// The source node of the `sync` benchmark, run as a child process so that serving and importing
// each have an event loop (and a core) of their own, as two nodes do. It imports a block file
// into a fresh data path, starts p2p on loopback, prints `enode <url> head <hash> imported in <seconds> s` and serves until stdin closes.
import { importBlockFile } from '@cairn/chain';
import { bytesToHex, randomPrivateKey } from '@cairn/common';
import { formatEnode } from '@cairn/devp2p';
import { createLogger, createSenderRecovery, openChain, P2pService } from '@cairn/node';

const [genesisFile, blocksFile, dataPath] = process.argv.slice(2);
const { chain, close } = await openChain({ genesisFile, dataPath });
const summary = await importBlockFile(chain, blocksFile, { senders: createSenderRecovery() });
if (summary.failure) throw new Error(`source import failed at block ${summary.failure.number}: ${summary.failure.reason}`);
const privateKey = randomPrivateKey();
const service = new P2pService(
  { privateKey, host: '127.0.0.1', listenInterface: '127.0.0.1', port: 0, discovery: false, bootnodes: [], maxPeers: 4, natMethod: 'NONE', clientId: 'cairn/bench-source' },
  { chain, log: createLogger('WARN', (line) => process.stderr.write(`[source] ${line}\n`)) },
);
await service.start();
const local = service.network.local!;
const enode = formatEnode({ id: service.rpcBackends().identity.nodeId, address: local.address, tcpPort: local.tcpPort, udpPort: local.udpPort });
process.stdout.write(`enode ${enode} head ${bytesToHex(chain.head.hash())} imported in ${(summary.elapsedMs / 1000).toFixed(3)} s\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await service.stop();
  await close();
  process.exit(0);
});
