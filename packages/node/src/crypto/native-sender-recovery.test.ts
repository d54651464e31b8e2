import { createTransaction, signTransaction } from '@cairn/chain';
import { bytesToHex, hexToBytes, privateKeyToAddress, SECP256K1_N } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { createSenderRecovery, loadNativeSecp256k1, NativeSenderRecovery } from './native-sender-recovery';

const KEY = hexToBytes('0x4646464646464646464646464646464646464646464646464646464646464646');
const TO = new Uint8Array(20).fill(0x35);

describe('native sender recovery', () => {
  const native = loadNativeSecp256k1();

  it('loads the prebuilt addon on this platform', () => {
    expect(native).toBeDefined();
    expect(createSenderRecovery().backend).toBe('libsecp256k1');
  });

  it('recovers the senders @noble/curves recovers, for every transaction type', async () => {
    const base = { chainId: 1n, nonce: 3n, gasLimit: 21_000n, to: TO, value: 1n, data: new Uint8Array(0) };
    const signed = [
      signTransaction({ ...base, type: 0, gasPrice: 7n }, KEY),
      signTransaction({ ...base, type: 0, chainId: undefined, gasPrice: 7n }, KEY),
      signTransaction({ ...base, type: 1, gasPrice: 7n }, KEY),
      signTransaction({ ...base, type: 2, maxFeePerGas: 9n, maxPriorityFeePerGas: 1n }, KEY),
    ];
    // Fresh copies: the signed ones remember the sender their signer set.
    const received = signed.map((tx) => createTransaction(tx));
    expect(received.every((tx) => !tx.hasSender)).toBe(true);
    await new NativeSenderRecovery(native!).recover(received);
    for (const tx of received) {
      expect(tx.hasSender).toBe(true);
      expect(bytesToHex(tx.sender())).toBe(bytesToHex(privateKeyToAddress(KEY)));
    }
  });

  it('leaves a signature it cannot recover to the typed error of tx.sender()', async () => {
    const tx = signTransaction({ type: 2, chainId: 1n, nonce: 0n, maxFeePerGas: 9n, maxPriorityFeePerGas: 1n, gasLimit: 21_000n, to: TO, value: 0n, data: new Uint8Array(0) }, KEY);
    const broken = createTransaction({ ...tx, signature: { r: SECP256K1_N, s: 5n, yParity: 0 } });
    await new NativeSenderRecovery(native!).recover([broken]);
    expect(broken.hasSender).toBe(false);
    expect(() => broken.sender()).toThrow(expect.objectContaining({ code: expect.stringMatching(/SENDER_RECOVERY_FAILED|INVALID_SIGNATURE/) }));
  });
});
