import { createRequire } from 'node:module';
import { InlineSenderRecovery, type SenderRecovery, type Transaction } from '@cairn/chain';
import { bigintToFixedBytes, publicKeyToAddress } from '@cairn/common';

/** The part of the `secp256k1` package's native binding used here. */
interface NativeSecp256k1 {
  ecdsaRecover(signature: Uint8Array, recoveryId: number, message: Uint8Array, compressed: boolean): Uint8Array;
}

/**
 * libsecp256k1's native binding (the `secp256k1` package's prebuilt N-API addon), or undefined
 * where no prebuilt binary loads. Loaded through `bindings.js`, never the package's main module,
 * which would fall back to the slow `elliptic` JavaScript implementation on its own.
 */
export function loadNativeSecp256k1(): NativeSecp256k1 | undefined {
  try {
    return createRequire(import.meta.url)('secp256k1/bindings.js') as NativeSecp256k1;
  } catch {
    return undefined;
  }
}

/**
 * Sender recovery with libsecp256k1: about 50 µs a signature against 1.3 ms for
 * @noble/curves on the development machine, which makes recovery a small part of block import
 * instead of most of it. A signature the native code refuses is left for `tx.sender()`, which
 * recovers it with @cairn/common and reports why it fails.
 */
export class NativeSenderRecovery implements SenderRecovery {
  readonly backend = 'libsecp256k1';
  readonly #signature = new Uint8Array(64);

  constructor(private readonly native: NativeSecp256k1) {}

  async recover(transactions: readonly Transaction[]): Promise<void> {
    const signature = this.#signature;
    for (const tx of transactions) {
      if (tx.hasSender) continue;
      try {
        const recoveryId = tx.kind.recoveryId(tx);
        signature.set(bigintToFixedBytes(tx.signature.r, 32), 0);
        signature.set(bigintToFixedBytes(tx.signature.s, 32), 32);
        const publicKey = this.native.ecdsaRecover(signature, recoveryId, tx.signingHash(), false);
        tx.presetSender(publicKeyToAddress(publicKey.subarray(1)));
      } catch {
        // Reported with its type when the transaction is validated.
      }
    }
  }

  async close(): Promise<void> {}
}

/** The fastest sender recovery available here: native where the addon loads, else inline @noble/curves. */
export function createSenderRecovery(): SenderRecovery {
  const native = loadNativeSecp256k1();
  return native ? new NativeSenderRecovery(native) : new InlineSenderRecovery();
}
