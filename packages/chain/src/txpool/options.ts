import { ConfigError } from '@cairn/common';

/**
 * The pool's settings, named after the Besu options they carry (the node maps the flags onto
 * these). Every field is optional; `resolveTxPoolOptions` fills in Besu's defaults.
 */
export interface TxPoolOptions {
  /** `--tx-pool-max-size`: the most transactions the pool holds (default 4096). */
  readonly maxSize?: number;
  /**
   * The most blob transactions among them (default 64). Cairn's own bound, Besu's sequenced pool
   * having none: a blob transaction carries up to 6 · 128 KiB of sidecar, so a pool full of them
   * at `maxSize` would hold gigabytes.
   */
  readonly maxBlobTransactions?: number;
  /** `--tx-pool-price-bump`: the percentage both fee caps must rise by to replace a transaction (default 10). */
  readonly priceBumpPercent?: number;
  /** `--tx-pool-blob-price-bump`: the percentage the blob fee cap must also rise by to replace a blob transaction (default 100). */
  readonly blobPriceBumpPercent?: number;
  /** `--min-gas-price`, in wei: transactions whose gas price (or max fee per gas) is lower are refused (default 1000). */
  readonly minGasPrice?: bigint;
  /**
   * `--tx-pool-limit-by-account-percentage`, a fraction in (0, 1] (default 0.001). As in Besu, a
   * sender may have transactions with nonces from its account nonce up to, not including, the
   * account nonce plus ⌈fraction · maxSize⌉ (at least 1); a nonce beyond that is refused.
   */
  readonly limitByAccountPercentage?: number;
  /** `--tx-pool-retention-hours`: transactions older than this are dropped (default 13). */
  readonly retentionHours?: number;
  /** `--rpc-tx-feecap`, in wei: local transactions whose gas price (or max fee per gas) exceeds it are refused; 0 for no cap (default 1 ether). */
  readonly txFeeCap?: bigint;
}

/** The settings with every default applied and the per-sender limit worked out. */
export interface ResolvedTxPoolOptions {
  readonly maxSize: number;
  readonly maxBlobTransactions: number;
  readonly priceBumpPercent: number;
  readonly blobPriceBumpPercent: number;
  readonly minGasPrice: bigint;
  readonly limitByAccountPercentage: number;
  /** ⌈limitByAccountPercentage · maxSize⌉, at least 1: how far past its account nonce a sender's nonces may reach. */
  readonly senderLimit: number;
  readonly retentionHours: number;
  readonly txFeeCap: bigint;
}

export const TX_POOL_DEFAULTS = {
  maxSize: 4096,
  maxBlobTransactions: 64,
  priceBumpPercent: 10,
  blobPriceBumpPercent: 100,
  minGasPrice: 1000n,
  limitByAccountPercentage: 0.001,
  retentionHours: 13,
  txFeeCap: 10n ** 18n,
} as const;

function requireInteger(issues: string[], name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) issues.push(`${name} must be an integer of at least ${min}, got ${value}`);
}

function requireWei(issues: string[], name: string, value: bigint): void {
  if (typeof value !== 'bigint' || value < 0n) issues.push(`${name} must be a non-negative bigint amount of wei, got ${String(value)}`);
}

/** Applies Besu's defaults to `options` and checks them; throws `ConfigError` listing every bad value. */
export function resolveTxPoolOptions(options: TxPoolOptions = {}): ResolvedTxPoolOptions {
  const merged = { ...TX_POOL_DEFAULTS, ...options };
  const issues: string[] = [];
  requireInteger(issues, 'maxSize', merged.maxSize, 1);
  requireInteger(issues, 'maxBlobTransactions', merged.maxBlobTransactions, 0);
  requireInteger(issues, 'priceBumpPercent', merged.priceBumpPercent, 0);
  requireInteger(issues, 'blobPriceBumpPercent', merged.blobPriceBumpPercent, 0);
  requireWei(issues, 'minGasPrice', merged.minGasPrice);
  requireWei(issues, 'txFeeCap', merged.txFeeCap);
  const fraction = merged.limitByAccountPercentage;
  if (typeof fraction !== 'number' || !(fraction > 0 && fraction <= 1)) issues.push(`limitByAccountPercentage must be a fraction in (0, 1], got ${fraction}`);
  if (typeof merged.retentionHours !== 'number' || !(merged.retentionHours > 0)) issues.push(`retentionHours must be a positive number, got ${merged.retentionHours}`);
  if (issues.length > 0) throw new ConfigError('invalid transaction pool options', issues);
  return { ...merged, senderLimit: Math.max(1, Math.ceil(fraction * merged.maxSize)) };
}
