import { type Hex, parseGwei } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, describe, expect, it } from 'vitest';
import { CairnProcess } from '../../../../test-support/cairn-process';
import { DEV_KEYS } from './support/dev-keys';
import { rpcCall } from '../../../../test-support/rpc-call';

const dataPath = CairnProcess.tempDataPath();
const PRUNING = ['--pruning-enabled', '--pruning-blocks-retained=2'];
const started: CairnProcess[] = [];
const sender = privateKeyToAccount(DEV_KEYS[8]);

afterAll(async () => {
  for (const node of started) await node.cleanUp();
});

async function start(flags: string[]) {
  const result = await CairnProcess.start(dataPath, flags);
  started.push(result.node);
  return result;
}

/** Sends one transfer and waits for the block that holds it. */
async function transferAndWait(url: string, nonce: number): Promise<{ blockNumber: string; blockHash: string }> {
  const raw = await sender.signTransaction({ type: 'eip1559', chainId: 1337, nonce, to: '0x000000000000000000000000000000000000beef', value: 1n, gas: 21_000n, maxFeePerGas: parseGwei('10'), maxPriorityFeePerGas: 1n });
  const hash = (await rpcCall(url, 'eth_sendRawTransaction', [raw])).result as Hex;
  for (;;) {
    const receipt = (await rpcCall(url, 'eth_getTransactionReceipt', [hash])).result as { blockNumber: string; blockHash: string } | null;
    if (receipt) return receipt;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('restarts and state pruning', () => {
  it('prunes old state (a clear error for it), shuts down cleanly, and continues the same chain after a restart', { timeout: 120_000 }, async () => {
    const first = await start(PRUNING);
    let head = { blockNumber: '0x0', blockHash: '' };
    for (let nonce = 0; nonce < 5; nonce++) head = await transferAndWait(first.endpoints.http, nonce);
    expect(head.blockNumber).toBe('0x5');

    const balanceAt = (url: string, block: string) => rpcCall(url, 'eth_getBalance', ['0x000000000000000000000000000000000000beef', block]);
    const deadline = Date.now() + 10_000;
    let old = await balanceAt(first.endpoints.http, '0x1');
    while (old.error === undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      old = await balanceAt(first.endpoints.http, '0x1');
    }
    expect(old.error).toEqual({ code: -32000, message: 'World state unavailable: the state of block 1 is no longer retained' });
    expect((await rpcCall(first.endpoints.http, 'eth_call', [{ to: '0x000000000000000000000000000000000000beef' }, '0x1'])).error?.message).toMatch(/^World state unavailable/);
    expect((await balanceAt(first.endpoints.http, '0x5')).result).toBe('0x5');
    expect((await balanceAt(first.endpoints.http, '0x4')).result).toBe('0x4');

    expect(await first.node.stop('SIGTERM')).toBe(0);
    expect(first.node.output.join('\n')).toMatch(/SIGTERM received: shutting down[\s\S]*stopped at head #5/);

    const second = await start(PRUNING);
    const latest = (await rpcCall(second.endpoints.http, 'eth_getBlockByNumber', ['latest', false])).result as { number: string; hash: string };
    expect(latest).toMatchObject({ number: '0x5', hash: head.blockHash });
    const next = await transferAndWait(second.endpoints.http, 5);
    expect(next.blockNumber).toBe('0x6');
    const block6 = (await rpcCall(second.endpoints.http, 'eth_getBlockByNumber', ['0x6', false])).result as { parentHash: string };
    expect(block6.parentHash).toBe(head.blockHash);
    expect(await second.node.stop('SIGINT')).toBe(0);

    // The store remembers that it prunes: opening it without pruning is refused, and nothing starts.
    await expect(start([])).rejects.toThrow(/PRUNING: this store was created with pruning enabled/);
  });
});
