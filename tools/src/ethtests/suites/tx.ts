import { readFileSync } from 'node:fs';
import { decodeTransaction, transactionIntrinsicGas, validateTransaction } from '@cairn/chain';
import { bytesToHex, ChainConfig, type Fork, type ForkRules, hexToBigInt, hexToBytes } from '@cairn/common';
import { forkFromTestName, forkSelected } from '../fork-names';
import type { CaseReporter } from '../reporter';
import { type RunOptions, type Suite, selected } from '../suite';
import { rejectionMatches, TX_EXCEPTIONS } from './tx-exceptions';
import { TX_SUPERSEDED } from './tx-superseded';

/** What one fork of a test expects; v7.0.0 states no reason for a rejection (an empty object). */
interface ForkExpectation {
  readonly hash?: string;
  readonly sender?: string;
  readonly intrinsicGas?: string;
  readonly exception?: string;
}

/** One test in either layout: v13 has `txbytes` and `result[fork]`, v7.0.0 `rlp` and the forks at the top. */
function readTest(body: Record<string, unknown>): { hex: string; forks: [string, ForkExpectation][] } {
  if (typeof body.txbytes === 'string') return { hex: body.txbytes, forks: Object.entries(body.result as Record<string, ForkExpectation>) };
  const forks = Object.entries(body).filter(([key]) => key !== '_info' && key !== 'rlp') as [string, ForkExpectation][];
  return { hex: String(body.rlp), forks };
}

const normalHex = (hex: string) => (hex.startsWith('0x') ? hex : `0x${hex}`).toLowerCase();

/** The case's failure (undefined when it passed) and the code Cairn rejected it with, if it did. */
interface CheckResult {
  readonly failure?: string;
  readonly code?: string;
}

/**
 * Decodes and validates the transaction as a node receiving it raw would (the hex text included:
 * some v7.0.0 cases hold characters that are not hex, and must be rejected for it).
 */
function check(hex: string, rules: ForkRules, expected: ForkExpectation): CheckResult {
  const wantsValid = expected.hash !== undefined;
  let outcome: { hash: string; sender: string; intrinsicGas: bigint };
  try {
    const tx = decodeTransaction(hexToBytes(normalHex(hex)));
    validateTransaction(tx, rules);
    outcome = { hash: bytesToHex(tx.hash()), sender: bytesToHex(tx.sender()), intrinsicGas: transactionIntrinsicGas(tx, rules) };
  } catch (error) {
    const { code, field } = error as { code?: unknown; field?: string };
    if (typeof code !== 'string') return { failure: `crashed instead of a typed rejection: ${(error as Error).stack ?? error}` };
    const got = `${code}${field ? ` (${field})` : ''}: ${(error as Error).message}`;
    if (wantsValid) return { failure: `expected a valid transaction, got ${got}`, code };
    if (expected.exception === undefined) return { code }; // v7.0.0 gives no reason: any typed rejection
    const allowed = TX_EXCEPTIONS[expected.exception];
    if (!allowed) return { failure: `no mapping for the fixture's exception ${expected.exception} (got ${got})`, code };
    return rejectionMatches(allowed, code, field) ? { code } : { failure: `expected ${expected.exception}, got ${got}`, code };
  }
  if (!wantsValid) return { failure: `expected rejection${expected.exception ? ` (${expected.exception})` : ''}, but the transaction was accepted` };
  if (outcome.hash !== normalHex(expected.hash!)) return { failure: `hash ${outcome.hash}, expected ${normalHex(expected.hash!)}` };
  if (expected.sender !== undefined && outcome.sender !== normalHex(expected.sender)) {
    return { failure: `sender ${outcome.sender}, expected ${normalHex(expected.sender)}` };
  }
  if (expected.intrinsicGas !== undefined && outcome.intrinsicGas !== hexToBigInt(expected.intrinsicGas)) {
    return { failure: `intrinsic gas ${outcome.intrinsicGas}, expected ${hexToBigInt(expected.intrinsicGas)}` };
  }
  return {};
}

/**
 * TransactionTests: for every fork of a test, a transaction the file says is valid must decode
 * and validate, with the file's hash, sender and intrinsic gas; one it says is invalid must be
 * rejected with a typed error for the reason the file names (v13; v7.0.0 names none).
 */
export const txSuite: Suite = {
  name: 'tx',
  folders: ['TransactionTests'],
  runFile(path: string, file: string, options: RunOptions, reporter: CaseReporter) {
    const tests = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, unknown>>;
    const rulesByFork = new Map<Fork, ForkRules>();
    for (const [test, body] of Object.entries(tests)) {
      if (!selected(options, file, test)) continue;
      const { hex, forks } = readTest(body);
      const superseded = TX_SUPERSEDED.find((c) => c.file === file && c.test === test);
      for (const [forkName, expected] of forks) {
        if (!forkSelected(options.fork, forkName)) continue;
        const id = { file, test, fork: forkName };
        const fork = forkFromTestName(forkName);
        if (fork === undefined) {
          reporter.skip(id, `fork ${forkName} is not one Cairn executes`);
          continue;
        }
        let rules = rulesByFork.get(fork);
        if (!rules) rulesByFork.set(fork, (rules = ChainConfig.forFork(fork).rulesFor(fork)));
        const { failure, code } = check(hex, rules, expected);
        if (failure === undefined) reporter.pass(id);
        else if (superseded && expected.hash !== undefined && code === superseded.code) reporter.skip(id, `superseded expectation: ${superseded.reason}`);
        else reporter.fail(id, failure);
      }
    }
  },
};
