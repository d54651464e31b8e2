import { Contract, JsonRpcProvider, Wallet } from 'ethers';
import { type Address, createPublicClient, createWalletClient, defineChain, getContract, http, parseAbiItem, parseEther, webSocket } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CairnProcess, type Endpoints } from '../../../../test-support/cairn-process';
import { DEV_KEYS } from './support/dev-keys';
import { rpcCall } from '../../../../test-support/rpc-call';
import { type CompiledToken, compileToken } from './support/token';

let node: CairnProcess;
let endpoints: Endpoints;
let token: CompiledToken;
let tokenAddress: Address;

const deployer = privateKeyToAccount(DEV_KEYS[0]);
const alice = privateKeyToAccount(DEV_KEYS[1]);
const bob = privateKeyToAccount(DEV_KEYS[2]);
const SUPPLY = parseEther('1000000');

function clients() {
  const chain = defineChain({
    id: 1337,
    name: 'cairn dev',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [endpoints.http], webSocket: [endpoints.ws] } },
  });
  const publicClient = createPublicClient({ chain, transport: http(), pollingInterval: 50 });
  const wallet = (account: typeof deployer) => createWalletClient({ chain, account, transport: http(), pollingInterval: 50 });
  return { chain, publicClient, wallet };
}

beforeAll(async () => {
  token = compileToken();
  ({ node, endpoints } = await CairnProcess.start(CairnProcess.tempDataPath(), ['--metrics-enabled', '--metrics-port=0']));
}, 90_000);

afterAll(async () => {
  await node?.cleanUp();
});

describe('cairn --network=dev with viem and ethers', () => {
  it('serves the dev chain: chain id 1337, funded test accounts, an empty chain at first', async () => {
    const { publicClient } = clients();
    expect(await publicClient.getChainId()).toBe(1337);
    expect(await publicClient.getBlockNumber()).toBe(0n);
    expect(await publicClient.getBalance({ address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' })).toBe(parseEther('10000'));
    const provider = new JsonRpcProvider(endpoints.http, 1337, { staticNetwork: true });
    expect((await provider.getNetwork()).chainId).toBe(1337n);
    expect(node.output.some((line) => line.includes('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'))).toBe(true);
    provider.destroy();
  });

  it('deploys the ERC-20 with viem and transfers tokens with ethers', async () => {
    const { publicClient, wallet } = clients();
    const hash = await wallet(deployer).deployContract({ abi: token.abi, bytecode: token.bytecode, args: ['Cairn Test', 'CTT', SUPPLY] });
    const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 });
    expect(receipt.status).toBe('success');
    tokenAddress = receipt.contractAddress!;
    expect((await publicClient.getCode({ address: tokenAddress }))?.length).toBeGreaterThan(100);

    const provider = new JsonRpcProvider(endpoints.http, 1337, { staticNetwork: true, pollingInterval: 50 });
    const contract = new Contract(tokenAddress, token.abi as never, new Wallet(DEV_KEYS[0], provider));
    const sent = await contract.transfer(alice.address, parseEther('250'));
    const mined = await sent.wait();
    expect(mined.status).toBe(1);
    expect(await contract.balanceOf(alice.address)).toBe(parseEther('250'));
    provider.destroy();
  });

  it('reads balances by eth_call at the head and at an older block, and estimates gas that suffices', async () => {
    const { publicClient, wallet } = clients();
    const erc20 = getContract({ address: tokenAddress, abi: token.abi, client: { public: publicClient, wallet: wallet(alice) } });
    const before = await publicClient.getBlockNumber();
    const gas = await erc20.estimateGas.transfer([bob.address, parseEther('100')], { account: alice });
    expect(gas).toBeGreaterThan(21_000n);
    expect(gas).toBeLessThan(80_000n);
    const hash = await erc20.write.transfer([bob.address, parseEther('100')], { gas });
    const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 });
    expect(receipt.status).toBe('success');
    expect(receipt.gasUsed).toBeLessThanOrEqual(gas);
    expect(await erc20.read.balanceOf([alice.address])).toBe(parseEther('150'));
    expect(await erc20.read.balanceOf([alice.address], { blockNumber: before })).toBe(parseEther('250'));
    expect(await erc20.read.balanceOf([bob.address], { blockNumber: before })).toBe(0n);
  });

  it('finds receipts and Transfer logs by filter', async () => {
    const { publicClient } = clients();
    const transferEvent = parseAbiItem('event Transfer(address indexed from, address indexed to, uint256 value)');
    const logs = await publicClient.getLogs({ address: tokenAddress, event: transferEvent, fromBlock: 0n, toBlock: 'latest' });
    expect(logs.map((log) => log.args.value)).toEqual([SUPPLY, parseEther('250'), parseEther('100')]);
    const filter = await publicClient.createContractEventFilter({ address: tokenAddress, abi: token.abi, eventName: 'Transfer', fromBlock: 0n });
    expect(await publicClient.getFilterLogs({ filter })).toHaveLength(3);
    const receipt = await publicClient.getTransactionReceipt({ hash: logs[2].transactionHash! });
    expect(receipt.logs[0].address).toBe(tokenAddress);
    const provider = new JsonRpcProvider(endpoints.http, 1337, { staticNetwork: true });
    const ethersLogs = await provider.getLogs({ address: tokenAddress, fromBlock: 0, topics: [logs[0].topics[0]!, null, `0x${alice.address.slice(2).toLowerCase().padStart(64, '0')}`] });
    expect(ethersLogs).toHaveLength(1);
    provider.destroy();
  });

  it('sends newHeads and logs over a WebSocket subscription', async () => {
    const { chain, wallet } = clients();
    const wsClient = createPublicClient({ chain, transport: webSocket(endpoints.ws) });
    const heads: bigint[] = [];
    const transfers: unknown[] = [];
    const pending: string[] = [];
    const unwatchBlocks = wsClient.watchBlocks({ onBlock: (block) => heads.push(block.number) });
    const unwatchPending = wsClient.watchPendingTransactions({ onTransactions: (hashes) => pending.push(...hashes) });
    const unwatchLogs = wsClient.watchContractEvent({ address: tokenAddress, abi: token.abi, eventName: 'Transfer', onLogs: (logs) => transfers.push(...logs) });
    // Let both subscriptions be set up before the block that should reach them.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sent = await wallet(deployer).writeContract({ address: tokenAddress, abi: token.abi, functionName: 'transfer', args: [bob.address, 7n] });
    const deadline = Date.now() + 10_000;
    while ((heads.length === 0 || transfers.length === 0 || pending.length === 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    unwatchBlocks();
    unwatchLogs();
    unwatchPending();
    await (await wsClient.transport.getRpcClient()).close();
    expect(heads.length).toBeGreaterThan(0);
    expect(transfers).toHaveLength(1);
    expect((transfers[0] as { args: { value: bigint } }).args.value).toBe(7n);
    expect(pending).toEqual([sent]);
  });

  it('polls block, pending-transaction and log filters until they are uninstalled', async () => {
    const { publicClient, wallet } = clients();
    const install = async (method: string, params: unknown[] = []) => (await rpcCall(endpoints.http, method, params)).result as string;
    const blockFilter = await install('eth_newBlockFilter');
    const pendingFilter = await install('eth_newPendingTransactionFilter');
    const logFilter = await install('eth_newFilter', [{ address: tokenAddress, topics: [null, null, `0x${bob.address.slice(2).toLowerCase().padStart(64, '0')}`] }]);
    const hash = await wallet(alice).writeContract({ address: tokenAddress, abi: token.abi, functionName: 'transfer', args: [bob.address, 1n] });
    const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 });
    const changes = async (id: string) => (await rpcCall(endpoints.http, 'eth_getFilterChanges', [id])).result as unknown[];
    expect(await changes(blockFilter)).toContain(receipt.blockHash);
    expect(await changes(pendingFilter)).toEqual([hash]);
    expect(await changes(logFilter)).toMatchObject([{ transactionHash: hash, blockHash: receipt.blockHash, removed: false }]);
    expect(await changes(logFilter)).toEqual([]);
    expect((await rpcCall(endpoints.http, 'eth_uninstallFilter', [logFilter])).result).toBe(true);
    expect((await rpcCall(endpoints.http, 'eth_getFilterChanges', [logFilter])).error).toMatchObject({ code: -32000, message: 'Filter not found' });
  });

  it('decodes a revert reason', async () => {
    const { publicClient } = clients();
    await expect(
      publicClient.simulateContract({ address: tokenAddress, abi: token.abi, functionName: 'transfer', args: [alice.address, parseEther('1')], account: privateKeyToAccount(DEV_KEYS[7]) }),
    ).rejects.toThrow(/Token: transfer amount exceeds balance/);
    const raw = await rpcCall(endpoints.http, 'eth_call', [{ from: privateKeyToAccount(DEV_KEYS[7]).address, to: tokenAddress, data: `0xa9059cbb${'00'.repeat(12)}${alice.address.slice(2)}${'00'.repeat(31)}01` }]);
    expect(raw.error).toMatchObject({ code: 3, message: 'execution reverted: Token: transfer amount exceeds balance' });
    expect(raw.error?.data).toMatch(/^0x08c379a0/);
  });

  it('answers the rest of the ETH, TXPOOL and DEBUG methods', async () => {
    const head = (await rpcCall(endpoints.http, 'eth_getBlockByNumber', ['latest', true])).result as { hash: string; number: string; transactions: { hash: string }[] };
    const txHash = head.transactions[0].hash;
    const expectResult = async (method: string, params: unknown[]) => {
      const response = await rpcCall(endpoints.http, method, params);
      expect(response.error, `${method}: ${JSON.stringify(response.error)}`).toBeUndefined();
      return response.result;
    };
    expect(await expectResult('eth_getBlockReceipts', [head.number])).toHaveLength(1);
    expect(await expectResult('eth_getTransactionByBlockNumberAndIndex', [head.number, '0x0'])).toMatchObject({ hash: txHash });
    expect(await expectResult('eth_getBlockTransactionCountByHash', [head.hash])).toBe('0x1');
    expect(await expectResult('eth_getUncleCountByBlockNumber', ['latest'])).toBe('0x0');
    expect(await expectResult('eth_getStorageAt', [tokenAddress, '0x2', 'latest'])).toBe(`0x${SUPPLY.toString(16).padStart(64, '0')}`);
    expect(await expectResult('eth_getTransactionCount', [deployer.address, 'pending'])).toBe('0x3');
    const proof = (await expectResult('eth_getProof', [tokenAddress, ['0x2'], 'latest'])) as { storageProof: { value: string }[] };
    expect(BigInt(proof.storageProof[0].value)).toBe(SUPPLY);
    const accessList = (await expectResult('eth_createAccessList', [{ from: alice.address, to: tokenAddress, data: `0x70a08231${'00'.repeat(12)}${alice.address.slice(2)}` }])) as { accessList: { address: string }[] };
    expect(accessList.accessList).toEqual([]);
    expect(await expectResult('eth_feeHistory', ['0x2', 'latest', [50]])).toMatchObject({ oldestBlock: expect.any(String) });
    expect(BigInt((await expectResult('eth_gasPrice', [])) as string)).toBeGreaterThanOrEqual(0n);
    expect(await expectResult('eth_maxPriorityFeePerGas', [])).toEqual(expect.stringMatching(/^0x/));
    expect(await expectResult('eth_getBlockByNumber', ['finalized', false])).toMatchObject({ hash: head.hash });
    expect(await expectResult('eth_getBalance', [deployer.address, { blockHash: head.hash, requireCanonical: true }])).toEqual(expect.stringMatching(/^0x/));
    expect(await expectResult('eth_syncing', [])).toBe(false);
    expect(await expectResult('eth_mining', [])).toBe(true);
    expect(await expectResult('txpool_status', [])).toEqual({ pending: '0x0', queued: '0x0' });
    expect(await expectResult('txpool_besuStatistics', [])).toMatchObject({ maxSize: 4096 });
    expect((await expectResult('debug_getRawTransaction', [txHash])) as string).toMatch(/^0x02/);
    expect((await expectResult('debug_getRawReceipts', [head.number])) as string[]).toHaveLength(1);
    expect(await expectResult('debug_getRawHeader', [head.number])).toEqual(expect.stringMatching(/^0xf9/));
    expect(await rpcCall(endpoints.http, 'net_peerCount')).toMatchObject({ error: { code: -32000 } });
  });

  it('exports Prometheus metrics for the chain, the pool and RPC', async () => {
    const text = await (await fetch(endpoints.metrics!)).text();
    const head = Number(BigInt(((await rpcCall(endpoints.http, 'eth_blockNumber')).result as string)));
    expect(text).toMatch(new RegExp(`^cairn_chain_head_block_number ${head}$`, 'm'));
    expect(text).toMatch(/^cairn_chain_imported_blocks_total [1-9]/m);
    expect(text).toMatch(/cairn_rpc_requests_total\{method="eth_call",outcome="error"\} [1-9]/);
    expect(text).toMatch(/cairn_rpc_request_duration_seconds_count\{method="eth_getBalance"\} [1-9]/);
    expect(text).toMatch(/^cairn_txpool_transactions\{queue="pending"\} 0$/m);
  });
});
