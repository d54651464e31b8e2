import { bytesToHex, ChainConfig, Fork } from '@cairn/common';
import { createPublicClient, http, webSocket } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlockHeader } from '@cairn/chain';
import { EventChannel, type RpcLog, RpcServer, standardMethods } from '../src/index';
import { MemoryChain } from './support/memory-chain';
import { MemoryPool } from './support/memory-pool';
import { emptyBlock, SENDER, sampleBlock, sampleReceipts, TOKEN, TRANSFER_TOPIC } from './support/sample-block';
import { ToyExecutor } from './support/toy-executor';

const chain = new MemoryChain();
const heads = new EventChannel<BlockHeader>();
const logs = new EventChannel<readonly RpcLog[]>();
const methods = standardMethods({
  clientVersion: 'cairn/v0.1.0/test',
  net: { networkId: () => 1337n },
  eth: { chainId: () => 1337n },
  chain: { reader: chain, config: ChainConfig.forFork(Fork.Cancun, 1337n) },
  state: chain,
  executor: new ToyExecutor(chain),
  pool: new MemoryPool(),
  events: { heads, logs },
});
const server = new RpcServer({ registry: methods.registry, http: { port: 0 }, ws: { port: 0 } });
const CONTRACT = `0x${'c0'.repeat(20)}` as const;

beforeAll(async () => {
  const world = new Map([
    [bytesToHex(SENDER), { balance: 10n ** 18n, nonce: 4n }],
    [CONTRACT, { code: new Uint8Array(10), storage: new Map([[`0x${'00'.repeat(32)}`, 42n]]) }],
  ]);
  const genesis = chain.add(emptyBlock(undefined), [], world);
  chain.add(sampleBlock(genesis.header), sampleReceipts(), world);
  await server.start();
});
afterAll(async () => {
  await server.stop();
  methods.close();
});

describe('viem against the chain-backed methods', () => {
  const client = () => createPublicClient({ transport: http(server.httpUrl) });

  it('reads chain id, head, balances, nonces and code', async () => {
    const c = client();
    expect(await c.getChainId()).toBe(1337);
    expect(await c.getBlockNumber()).toBe(1n);
    expect(await c.getBalance({ address: bytesToHex(SENDER) })).toBe(10n ** 18n);
    expect(await c.getTransactionCount({ address: bytesToHex(SENDER) })).toBe(4);
    expect(await c.getCode({ address: CONTRACT })).toBe(`0x${'00'.repeat(10)}`);
  });

  it('parses blocks, every transaction type and receipts', async () => {
    const c = client();
    const block = await c.getBlock({ blockTag: 'latest', includeTransactions: true });
    expect(block.number).toBe(1n);
    expect(block.transactions.map((t) => t.type)).toEqual(['legacy', 'eip2930', 'eip1559', 'eip4844']);
    expect(block.transactions[0].chainId).toBe(1337);
    expect(block.transactions[2].to).toBeNull();
    expect(block.transactions[3].blobVersionedHashes).toHaveLength(2);
    const receipt = await c.getTransactionReceipt({ hash: block.transactions[2].hash });
    expect(receipt.status).toBe('reverted');
    expect(receipt.gasUsed).toBe(55000n);
    expect(receipt.logs).toHaveLength(2);
    expect(receipt.contractAddress).not.toBeNull();
    const tx = await c.getTransaction({ hash: block.transactions[1].hash });
    expect(tx.accessList).toHaveLength(1);
    expect(tx.yParity).toBe(1);
  });

  it('queries logs, fees and calls', async () => {
    const c = client();
    const found = await c.getLogs({ address: bytesToHex(TOKEN), fromBlock: 0n, toBlock: 'latest' });
    expect(found).toHaveLength(3);
    expect(found[0].topics[0]).toBe(bytesToHex(TRANSFER_TOPIC));
    // The median paid (10) is below Besu's default minimum gas price, which wins.
    expect(await c.getGasPrice()).toBe(1000n);
    const history = await c.getFeeHistory({ blockCount: 2, rewardPercentiles: [50] });
    expect(history.baseFeePerGas).toEqual([7n, 7n, 7n]);
    expect(await c.call({ to: CONTRACT })).toEqual({ data: `0x${'00'.repeat(31)}2a` });
    expect(await c.estimateGas({ account: bytesToHex(SENDER), to: CONTRACT })).toBe(24000n);
  });

  it('watches new heads over WebSocket', async () => {
    const c = createPublicClient({ transport: webSocket(server.wsUrl) });
    const next = emptyBlock(await chain.head());
    const seen = new Promise<bigint | null>((resolve) => {
      const stop = c.watchBlocks({
        onBlock: (block) => {
          stop();
          resolve(block.number);
        },
      });
    });
    // Publish once the subscription is in place (the filter engine is the first listener).
    for (let i = 0; i < 300 && heads.listenerCount < 2; i++) await new Promise((r) => setTimeout(r, 10));
    chain.add(next);
    heads.emit(next.header);
    expect(await seen).toBe(2n);
    const { socket } = await c.transport.getRpcClient();
    socket.close();
  });
});

describe('standardMethods', () => {
  it('registers only what the backends support', () => {
    const bare = standardMethods({ clientVersion: 'x', net: { networkId: () => 1n }, eth: { chainId: () => 1n } });
    expect(bare.registry.names()).toEqual(['eth_accounts', 'eth_chainId', 'net_listening', 'net_peerCount', 'net_version', 'web3_clientVersion', 'web3_sha3']);
    bare.close();
    // 48: everything but eth_getProof, admin_nodeInfo, eth_newPendingTransactionFilter and eth_syncing.
    expect(methods.registry.names()).toHaveLength(48);
    expect(methods.registry.names()).not.toContain('eth_getProof');
    expect(methods.registry.names()).toContain('eth_subscribe');
  });
});
