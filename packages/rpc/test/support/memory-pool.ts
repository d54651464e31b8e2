import { bytesToHex } from '@cairn/common';
import type { PooledTransaction, TransactionPoolAccess } from '../../src/chain/pool';
import type { Transaction } from '@cairn/chain';
import { TransactionRejectedError, TxRejection } from '../../src/errors/application-errors';
import { invalidParams } from '../../src/errors/json-rpc-error';

/**
 * A small transaction pool: "decodes" raw bytes through a table the test fills (the chain's codec
 * is not available here), then applies real pool rules: duplicates, nonces below the account's,
 * fee caps under the base fee, replacements that do not raise the price by 10%, and pending
 * versus queued by nonce gaps.
 */
export class MemoryPool implements TransactionPoolAccess {
  readonly maxSize = 4096;
  readonly decodable = new Map<string, Transaction>();
  readonly accountNonces = new Map<string, bigint>();
  baseFee = 7n;
  readonly #pool = new Map<string, { transaction: Transaction; addedAt: number; isLocal: boolean }>();
  #clock = 1_700_000_000_000;

  async submit(raw: Uint8Array): Promise<Uint8Array> {
    const tx = this.decodable.get(bytesToHex(raw));
    if (tx === undefined) throw invalidParams('params[0] (signed transaction): cannot decode the transaction');
    const sender = bytesToHex(tx.sender());
    if (this.#pool.has(bytesToHex(tx.hash()))) throw new TransactionRejectedError(TxRejection.AlreadyKnown);
    const accountNonce = this.accountNonces.get(sender) ?? 0n;
    if (tx.nonce < accountNonce) throw new TransactionRejectedError(TxRejection.NonceTooLow, `nonce ${tx.nonce} < ${accountNonce}`);
    const feeCap = tx.maxFeePerGas ?? tx.gasPrice ?? 0n;
    if (feeCap < this.baseFee) throw new TransactionRejectedError(TxRejection.FeeCapBelowBaseFee);
    for (const [hash, entry] of this.#pool) {
      const other = entry.transaction;
      if (bytesToHex(other.sender()) !== sender || other.nonce !== tx.nonce) continue;
      const otherCap = other.maxFeePerGas ?? other.gasPrice ?? 0n;
      if (feeCap * 10n < otherCap * 11n) throw new TransactionRejectedError(TxRejection.ReplacementUnderpriced);
      this.#pool.delete(hash);
    }
    this.#pool.set(bytesToHex(tx.hash()), { transaction: tx, addedAt: this.#clock++, isLocal: true });
    return tx.hash();
  }

  transactions(): PooledTransaction[] {
    const next = new Map<string, bigint>();
    const sorted = [...this.#pool.values()].sort((a, b) => Number(a.transaction.nonce - b.transaction.nonce));
    return sorted.map(({ transaction, addedAt, isLocal }) => {
      const sender = bytesToHex(transaction.sender());
      const expected = next.get(sender) ?? this.accountNonces.get(sender) ?? 0n;
      const executable = transaction.nonce === expected;
      if (executable) next.set(sender, expected + 1n);
      return { transaction, state: executable ? 'pending' : 'queued', isLocal, addedAt };
    });
  }
}
