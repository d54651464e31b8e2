import { signTransaction } from '@cairn/chain';
import { bytesToHex, keccak256, privateKeyToAddress } from '@cairn/common';
import { createMicroEthSignerKzg, kzgToVersionedHash } from '@cairn/evm';
import { describe, expect, it } from 'vitest';
import { DEV_ACCOUNTS, devChain, devTransfer } from '../../test/support/dev-chain';
import { DevBlockProducer } from './dev-block-producer';

const COINBASE = new Uint8Array(20).fill(0xc0);

async function producerFor(periodSeconds: number) {
  const parts = await devChain();
  const producer = new DevBlockProducer({ ...parts, producer: parts.engine.producer, coinbase: COINBASE, periodSeconds });
  return { ...parts, producer };
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('DevBlockProducer', () => {
  it('seals pending transactions at once, in one block when they arrive together', async () => {
    const { chain, pool, producer } = await producerFor(0);
    await producer.start();
    const to = new Uint8Array(20).fill(7);
    await Promise.all([pool.add(devTransfer(DEV_ACCOUNTS[0].privateKey, 0n, to, 1n), { local: true }), pool.add(devTransfer(DEV_ACCOUNTS[1].privateKey, 0n, to, 2n), { local: true })]);
    await until(() => chain.head.header.number === 1n);
    await producer.idle();
    expect(chain.head.transactions).toHaveLength(2);
    expect(chain.head.header.coinbase).toEqual(COINBASE);
    expect(chain.head.header.mixHash).toEqual(keccak256(chain.genesis.hash()));
    expect(pool.size).toBe(0);
    await producer.stop();
    expect(chain.head.header.number).toBe(1n);
  });

  it('leaves out a transaction the block cannot execute, and the pool drops it after the block', async () => {
    const { chain, pool, producer, logLines } = await producerFor(0);
    // A sender holding 0.5 ether sends two transfers of 0.4: each passes the pool alone, not both.
    const key = keccak256(new TextEncoder().encode('producer test sender'));
    const sender = privateKeyToAddress(key);
    const to = new Uint8Array(20).fill(9);
    await pool.add(devTransfer(DEV_ACCOUNTS[0].privateKey, 0n, sender, 5n * 10n ** 17n), { local: true });
    await producer.start();
    await until(() => chain.head.header.number === 1n);
    await producer.idle();
    await pool.add(devTransfer(key, 0n, to, 4n * 10n ** 17n), { local: true });
    await pool.add(devTransfer(key, 1n, to, 4n * 10n ** 17n), { local: true });
    await until(() => chain.head.header.number === 2n);
    await producer.idle();
    expect(chain.head.transactions.map((tx) => tx.nonce)).toEqual([0n]);
    expect(logLines.some((line) => /WARN .*left transaction 0x[0-9a-f]{64} out of block #2: transaction 1: INSUFFICIENT_FUNDS/.test(line))).toBe(true);
    expect(pool.size).toBe(0);
    expect((await chain.stateAt(chain.head.header).getAccount(to))?.balance).toBe(4n * 10n ** 17n);
    await producer.stop();
  });

  it('with a period, seals a block every period even without transactions', async () => {
    const { chain, producer } = await producerFor(1);
    await producer.start();
    await until(() => chain.head.header.number >= 1n, 3000);
    await producer.stop();
    const sealed = chain.head.header.number;
    expect(chain.head.transactions).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(chain.head.header.number).toBe(sealed);
    expect(bytesToHex(chain.head.header.parentHash)).toBe(bytesToHex(chain.genesis.hash()));
  });
});

describe('DevBlockProducer with blob transactions', () => {
  it('includes a blob transaction whose sidecar the pool verified', { timeout: 60_000 }, async () => {
    const { chain, pool, producer } = await producerFor(0);
    const kzg = createMicroEthSignerKzg();
    const blob = new Uint8Array(131072);
    blob[1] = 1;
    const commitment = kzg.blobToKzgCommitment(blob);
    const proof = kzg.computeBlobKzgProof(blob, commitment);
    const tx = signTransaction(
      {
        type: 3,
        chainId: 1337n,
        nonce: 0n,
        maxPriorityFeePerGas: 1n,
        maxFeePerGas: 10n ** 10n,
        gasLimit: 21_000n,
        to: new Uint8Array(20).fill(3),
        value: 0n,
        data: new Uint8Array(0),
        maxFeePerBlobGas: 10n,
        blobVersionedHashes: [kzgToVersionedHash(commitment)],
      },
      DEV_ACCOUNTS[2].privateKey,
    );
    await producer.start();
    await pool.add(tx, { local: true, sidecar: { blobs: [blob], commitments: [commitment], proofs: [proof] } });
    await until(() => chain.head.header.number === 1n, 30_000);
    await producer.stop();
    expect(chain.head.transactions.map((t) => t.type)).toEqual([3]);
    expect(chain.head.header.blobGasUsed).toBe(131072n);
  });
});
