import type { Transaction } from '../transactions/transaction';

/**
 * Recovers the senders of a block's transactions ahead of execution, leaving each recovered
 * sender on its transaction (`Transaction.presetSender`), so that validation and execution find it
 * there. A transaction whose sender cannot be recovered is left as it is: validating it recovers
 * again and reports the failure with its type.
 */
export interface SenderRecovery {
  /** What recovers, for logs and benchmark notes. */
  readonly backend: string;
  recover(transactions: readonly Transaction[]): Promise<void>;
  /** Releases any threads; recovering after closing is an error. */
  close(): Promise<void>;
}

/** Recovery on the calling thread, one transaction after another. */
export class InlineSenderRecovery implements SenderRecovery {
  readonly backend = '@noble/curves';

  async recover(transactions: readonly Transaction[]): Promise<void> {
    for (const tx of transactions) {
      try {
        tx.sender();
      } catch {
        // Reported when the transaction is validated.
      }
    }
  }

  async close(): Promise<void> {}
}
