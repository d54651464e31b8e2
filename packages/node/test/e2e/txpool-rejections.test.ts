import { JsonRpcProvider } from 'ethers';
import { type Hex, createPublicClient, http, keccak256, parseGwei, serializeTransaction, type TransactionSerializableEIP1559 } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CairnProcess, type Endpoints } from '../../../../test-support/cairn-process';
import { DEV_KEYS } from './support/dev-keys';
import { rpcCall } from '../../../../test-support/rpc-call';

let node: CairnProcess;
let endpoints: Endpoints;

const RECIPIENT = '0x000000000000000000000000000000000000beef';
/** secp256k1's group order: an s above half of it is refused from Homestead on (EIP-2). */
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

function transfer(nonce: number, fields: Partial<TransactionSerializableEIP1559> = {}): TransactionSerializableEIP1559 {
  return { type: 'eip1559', chainId: 1337, nonce, to: RECIPIENT, value: 1n, gas: 21_000n, maxFeePerGas: parseGwei('10'), maxPriorityFeePerGas: 1n, ...fields };
}

function sign(key: Hex, tx: TransactionSerializableEIP1559): Promise<Hex> {
  return privateKeyToAccount(key).signTransaction(tx);
}

const send = (raw: Hex) => rpcCall(endpoints.http, 'eth_sendRawTransaction', [raw]);

async function receiptOf(hash: string, timeoutMs = 10_000): Promise<{ blockNumber: string } | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const receipt = (await rpcCall(endpoints.http, 'eth_getTransactionReceipt', [hash])).result as { blockNumber: string } | null;
    if (receipt || Date.now() > deadline) return receipt;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  ({ node, endpoints } = await CairnProcess.start(CairnProcess.tempDataPath()));
}, 90_000);

afterAll(async () => {
  await node?.cleanUp();
});

describe('eth_sendRawTransaction refusals, with Besu\'s codes and messages', () => {
  it('nonce too low', async () => {
    const first = await send(await sign(DEV_KEYS[3], transfer(0)));
    expect(await receiptOf(first.result as string)).not.toBeNull();
    const again = await send(await sign(DEV_KEYS[3], transfer(0, { value: 2n })));
    expect(again.error).toMatchObject({ code: -32001, message: expect.stringMatching(/^Nonce too low: nonce 0 is below the account nonce 1/) });
  });

  it('insufficient funds for gas * price + value', async () => {
    const response = await send(await sign(generatePrivateKey(), transfer(0)));
    expect(response.error).toMatchObject({ code: -32004, message: expect.stringMatching(/^Upfront cost exceeds account balance/) });
  });

  it('intrinsic gas too low, and a gas limit above the block\'s', async () => {
    expect((await send(await sign(DEV_KEYS[3], transfer(1, { gas: 20_999n })))).error).toMatchObject({ code: -32003, message: expect.stringMatching(/^Intrinsic gas exceeds gas limit/) });
    expect((await send(await sign(DEV_KEYS[3], transfer(1, { gas: 30_000_001n })))).error).toMatchObject({
      code: -32005,
      message: expect.stringMatching(/^Transaction gas limit exceeds block gas limit/),
    });
  });

  it('replacement underpriced, and transaction already known', async () => {
    // Nonce 1 behind a gap stays queued, so it is still in the pool to be replaced.
    const queued = await sign(DEV_KEYS[4], transfer(1));
    expect((await send(queued)).result).toBe(keccak256(queued));
    const cheap = await send(await sign(DEV_KEYS[4], transfer(1, { maxFeePerGas: parseGwei('10.5'), maxPriorityFeePerGas: 2n })));
    expect(cheap.error).toMatchObject({ code: -32000, message: expect.stringMatching(/^Replacement transaction underpriced/) });
    expect((await send(queued)).error).toMatchObject({ code: -32000, message: expect.stringMatching(/^Known transaction/) });
    const content = (await rpcCall(endpoints.http, 'txpool_content')).result as { queued: Record<string, Record<string, { hash: string }>> };
    expect(content.queued[privateKeyToAccount(DEV_KEYS[4]).address.toLowerCase()]['1'].hash).toBe(keccak256(queued));
  });

  it('a fee cap below the base fee is admitted and waits, as Besu does, until a replacement pays enough', async () => {
    const header = (await rpcCall(endpoints.http, 'eth_getBlockByNumber', ['latest', false])).result as { baseFeePerGas: string };
    expect(BigInt(header.baseFeePerGas)).toBeGreaterThan(1n);
    const underpriced = await sign(DEV_KEYS[5], transfer(0, { maxFeePerGas: 1n, maxPriorityFeePerGas: 1n }));
    expect((await send(underpriced)).result).toBe(keccak256(underpriced));
    // Another transaction gets a block sealed; the underpriced one is not in it.
    const other = await send(await sign(DEV_KEYS[6], transfer(0)));
    expect(await receiptOf(other.result as string)).not.toBeNull();
    expect(await receiptOf(keccak256(underpriced), 300)).toBeNull();
    expect((await rpcCall(endpoints.http, 'eth_getTransactionByHash', [keccak256(underpriced)])).result).toMatchObject({ blockNumber: null });
    const replacement = await send(await sign(DEV_KEYS[5], transfer(0, { maxPriorityFeePerGas: 2n })));
    expect(await receiptOf(replacement.result as string)).not.toBeNull();
  });

  it('invalid chain id, invalid signature, undecodable bytes', async () => {
    expect((await send(await sign(DEV_KEYS[3], transfer(1, { chainId: 1 })))).error).toMatchObject({ code: -32000, message: expect.stringMatching(/^Wrong chainId/) });
    const highS = serializeTransaction(transfer(1), { r: `0x${'11'.repeat(32)}`, s: `0x${(SECP256K1_N - 1n).toString(16)}`, yParity: 0 });
    expect((await send(highS)).error).toMatchObject({ code: -32002, message: expect.stringMatching(/^Invalid signature/) });
    expect((await send('0x02c0')).error).toMatchObject({ code: -32602 });
  });

  it('reaches viem and ethers as errors carrying the code and message', async () => {
    const raw = await sign(DEV_KEYS[3], transfer(0, { value: 3n }));
    const client = createPublicClient({ transport: http(endpoints.http) });
    const viemError = await client.sendRawTransaction({ serializedTransaction: raw }).catch((error: unknown) => error);
    expect(viemError).toMatchObject({ details: expect.stringMatching(/^Nonce too low/) });
    const provider = new JsonRpcProvider(endpoints.http, 1337, { staticNetwork: true });
    const ethersError = await provider.broadcastTransaction(raw).catch((error: unknown) => error);
    expect(ethersError).toMatchObject({ code: 'NONCE_EXPIRED' });
    provider.destroy();
  });
});
