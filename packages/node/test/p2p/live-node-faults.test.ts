/**
 * A running `cairn` process fed garbage frames, malformed messages, wrong Status values and invalid
 * blocks, each over its own connection: each connection ends with the Disconnect reason the fault
 * calls for, and the node keeps running and serving — a fresh node then syncs from it.
 */
import { connect } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Block, Blockchain, createHeader, importBlockFile, ProofOfStakeEngine } from '@cairn/chain';
import { parseGenesis, privateKeyToPublicKey, randomPrivateKey } from '@cairn/common';
import {
  DisconnectReason,
  type DisconnectInfo,
  ETH_CAPABILITIES,
  EthCode,
  encodeNewBlock,
  encodeStatus,
  ForkIdSchedule,
  P2pSession,
  parseEnode,
  RlpxConnection,
  type SharedCapability,
  type Status,
} from '@cairn/devp2p';
import { Evm, precompilesFor } from '@cairn/evm';
import { MemoryStore } from '@cairn/storage';
import { afterAll, expect, it } from 'vitest';
import { runBlocksImport } from '../../src/commands/blocks-import';
import { createLogger } from '../../src/logging/logger';
import { cachedTestChain } from '../block-files';
import { enodeOf, startNodeProcess, storedHead } from './support/node-process';

const BLOCKS = 200;
const dir = mkdtempSync(join(tmpdir(), 'cairn-p2p-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Rogue {
  session: P2pSession;
  eth: SharedCapability;
  connection: RlpxConnection;
  closed: Promise<DisconnectInfo>;
}

/** A peer made of the low-level pieces, so that it can send what no correct client would. */
async function rogue(enode: string): Promise<Rogue> {
  const node = parseEnode(enode);
  const socket = connect(node.tcpPort, node.address);
  await new Promise((resolve) => socket.once('connect', resolve));
  const key = randomPrivateKey();
  const connection = await RlpxConnection.initiate(socket, key, node.id, 5000);
  const session = new P2pSession(connection, {
    clientId: 'rogue',
    listenPort: 0,
    nodeId: privateKeyToPublicKey(key),
    capabilities: ETH_CAPABILITIES,
    helloTimeoutMs: 5000,
    pingIntervalMs: 60_000,
    pingTimeoutMs: 60_000,
  });
  const closed = new Promise<DisconnectInfo>((resolve) => session.onClose(resolve));
  await session.start();
  return { session, connection, closed, eth: session.attach('eth', () => {}) };
}

it('a live node disconnects every kind of faulty peer with the right reason and keeps serving', { timeout: 180_000 }, async () => {
  const files = await cachedTestChain(BLOCKS, 2);
  const sourcePath = join(dir, 'source');
  expect((await runBlocksImport({ from: files.blocksFile, genesisFile: files.genesisFile, dataPath: sourcePath }, { logger: createLogger('WARN'), progress: () => {} })).exitCode).toBe(0);
  const args = [`--genesis-file=${files.genesisFile}`, '--p2p-host=127.0.0.1', '--p2p-interface=127.0.0.1', '--p2p-port=0', '--nat-method=NONE'];
  const source = startNodeProcess('source', [...args, `--data-path=${sourcePath}`]);
  try {
    const enode = await enodeOf(source);

    // What a correct peer of this chain would say, and a block on its head that lies about its state root.
    const genesisJson = JSON.parse(readFileSync(files.genesisFile, 'utf8'));
    const chain = await Blockchain.open({ store: new MemoryStore(), genesis: parseGenesis(genesisJson), engine: new ProofOfStakeEngine(), evm: new Evm({ precompiles: precompilesFor }) });
    await importBlockFile(chain, files.blocksFile);
    const genesisHash = chain.genesis.hash();
    const head = chain.head.header;
    const status: Status = {
      version: 68,
      networkId: chain.config.chainId,
      totalDifficulty: chain.headTotalDifficulty,
      headHash: head.hash(),
      genesisHash,
      forkId: new ForkIdSchedule(genesisHash, chain.config, chain.genesis.header.timestamp).forkIdAt(head),
    };
    const built = await chain.buildBlock(head.hash(), { transactions: [], coinbase: new Uint8Array(20), timestamp: head.timestamp + 12n });
    const forged = new Block(createHeader({ ...built.header, stateRoot: new Uint8Array(32).fill(7) }), built);
    await chain.close();

    const cases: { name: string; act: (r: Rogue) => void; reason: DisconnectReason }[] = [
      { name: 'garbage frame', act: (r) => r.connection.sendFrame(new Uint8Array(64).fill(0xab)), reason: DisconnectReason.BreachOfProtocol },
      { name: 'Status of the wrong shape', act: (r) => r.session.send(r.eth, EthCode.Status, [1n, 2n]), reason: DisconnectReason.BreachOfProtocol },
      { name: 'wrong network id', act: (r) => r.session.send(r.eth, EthCode.Status, encodeStatus({ ...status, networkId: 5n })), reason: DisconnectReason.SubprotocolReason },
      { name: 'wrong genesis', act: (r) => r.session.send(r.eth, EthCode.Status, encodeStatus({ ...status, genesisHash: new Uint8Array(32).fill(9) })), reason: DisconnectReason.SubprotocolReason },
      {
        name: 'wrong fork id',
        act: (r) => r.session.send(r.eth, EthCode.Status, encodeStatus({ ...status, forkId: { hash: new Uint8Array([1, 2, 3, 4]), next: 0n } })),
        reason: DisconnectReason.SubprotocolReason,
      },
      { name: 'request before Status', act: (r) => r.session.send(r.eth, EthCode.GetBlockHeaders, [1n, [1n, 1n, 0n, 0n]]), reason: DisconnectReason.BreachOfProtocol },
      {
        name: 'block whose header does not decode',
        act: (r) => {
          r.session.send(r.eth, EthCode.Status, encodeStatus(status));
          r.session.send(r.eth, EthCode.NewBlock, [[[head.hash(), new Uint8Array(3), 1n, 2n, 3n, 4n, 5n, 6n, BigInt(BLOCKS + 1)], [], [], []], 0n]);
        },
        reason: DisconnectReason.BreachOfProtocol,
      },
      {
        name: 'block with a false state root',
        act: (r) => {
          r.session.send(r.eth, EthCode.Status, encodeStatus(status));
          r.session.sendEncoded(r.eth, EthCode.NewBlock, encodeNewBlock(forged.encode(), 0n));
        },
        reason: DisconnectReason.BreachOfProtocol,
      },
    ];
    for (const c of cases) {
      const r = await rogue(enode);
      c.act(r);
      const info = await r.closed;
      expect({ name: c.name, by: info.by, reason: info.reason }).toEqual({ name: c.name, by: 'remote', reason: c.reason });
    }
    // The node's log names the offence (the line may reach this process a moment after the Disconnect).
    await source.waitFor(/offence INVALID_BLOCK: .*INVALID_STATE_ROOT/, 10_000);
    expect(source.child.exitCode).toBeNull();

    // Still serving: a fresh node syncs the whole chain from it.
    const fresh = startNodeProcess('fresh', [...args, `--data-path=${join(dir, 'fresh')}`, `--bootnodes=${enode}`]);
    try {
      await fresh.waitFor(new RegExp(`to #${BLOCKS}\\b`), 60_000);
    } finally {
      await fresh.stop();
    }
    await source.stop();
    expect(await storedHead(files.genesisFile, join(dir, 'fresh'))).toEqual(await storedHead(files.genesisFile, sourcePath));
  } finally {
    if (source.child.exitCode === null) await source.kill();
  }
});
