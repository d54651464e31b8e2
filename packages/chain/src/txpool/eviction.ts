import { effectiveTip } from './pricing';
import type { PoolEntry, SenderQueue } from './sender-queue';

interface Candidate {
  readonly entry: PoolEntry;
  readonly pending: boolean;
  readonly tip: bigint;
}

/** Whether `a` should leave before `b`: queued before pending, remote before local, cheaper first, newer first. */
function leavesFirst(a: Candidate, b: Candidate): boolean {
  if (a.pending !== b.pending) return !a.pending;
  if (a.entry.local !== b.entry.local) return !a.entry.local;
  if (a.tip !== b.tip) return a.tip < b.tip;
  return a.entry.sequence > b.entry.sequence;
}

/**
 * The transaction to drop when the pool is over its size. Only a sender's highest nonce is a
 * candidate, so eviction never opens a gap in anyone's pending run. Among candidates, a queued
 * (future) transaction goes before a pending one, a remote one before a local one (Besu keeps
 * local transactions in preference), then the lowest effective tip at `baseFee`, then the latest
 * arrival. `eligible` narrows the candidates (to blob transactions, when those are over their
 * own limit). A scan over senders: eviction happens at most once per admission.
 */
export function pickEvictionVictim(
  senders: Iterable<SenderQueue>,
  baseFee: bigint | undefined,
  eligible: (entry: PoolEntry) => boolean = () => true,
): PoolEntry | undefined {
  let worst: Candidate | undefined;
  for (const queue of senders) {
    const entry = queue.last();
    if (!entry || !eligible(entry)) continue;
    const candidate = { entry, pending: queue.isPending(entry.transaction.nonce), tip: effectiveTip(entry.transaction, baseFee) };
    if (!worst || leavesFirst(candidate, worst)) worst = candidate;
  }
  return worst?.entry;
}
