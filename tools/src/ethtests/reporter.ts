/** Where a conformance case comes from, as printed on its failure or skip line. */
export interface CaseId {
  readonly file: string;
  readonly test?: string;
  readonly fork?: string;
  readonly index?: string | number;
}

export type Outcome = { readonly kind: 'pass'; readonly id: CaseId } | { readonly kind: 'fail' | 'skip'; readonly id: CaseId; readonly reason: string };

/** Receives the outcome of each case as a suite runs it. */
export interface CaseReporter {
  pass(id: CaseId): void;
  fail(id: CaseId, reason: string): void;
  skip(id: CaseId, reason: string): void;
}

export function describeCase(id: CaseId): string {
  const parts = [id.file];
  if (id.test !== undefined) parts.push(id.test);
  if (id.fork !== undefined) parts.push(id.fork);
  if (id.index !== undefined) parts.push(`#${id.index}`);
  return parts.join(' ');
}

/**
 * Counts outcomes and prints every failure and skip as it happens, with its reason; `summary`
 * gives the closing line `N passed, M failed, K skipped`.
 */
export class ConsoleReporter implements CaseReporter {
  passed = 0;
  failed = 0;
  skipped = 0;
  private readonly byFork = new Map<string, { passed: number; failed: number; skipped: number }>();

  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {}

  record(outcome: Outcome): void {
    if (outcome.kind === 'pass') this.pass(outcome.id);
    else if (outcome.kind === 'fail') this.fail(outcome.id, outcome.reason);
    else this.skip(outcome.id, outcome.reason);
  }

  pass(id: CaseId): void {
    this.passed++;
    this.tally(id).passed++;
  }

  fail(id: CaseId, reason: string): void {
    this.failed++;
    this.tally(id).failed++;
    this.write(`FAIL ${describeCase(id)}: ${reason}`);
  }

  skip(id: CaseId, reason: string): void {
    this.skipped++;
    this.tally(id).skipped++;
    this.write(`SKIP ${describeCase(id)}: ${reason}`);
  }

  /** Per-fork counts, where cases named a fork. */
  forkLines(): string[] {
    return [...this.byFork.entries()]
      .filter(([fork]) => fork !== '')
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([fork, c]) => `  ${fork}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  }

  summary(): string {
    return `${this.passed} passed, ${this.failed} failed, ${this.skipped} skipped`;
  }

  private tally(id: CaseId) {
    const key = id.fork ?? '';
    let counts = this.byFork.get(key);
    if (!counts) {
      counts = { passed: 0, failed: 0, skipped: 0 };
      this.byFork.set(key, counts);
    }
    return counts;
  }
}

/** Collects outcomes in memory, to send from a worker thread to the main one. */
export class CollectingReporter implements CaseReporter {
  readonly outcomes: Outcome[] = [];

  pass(id: CaseId): void {
    this.outcomes.push({ kind: 'pass', id });
  }

  fail(id: CaseId, reason: string): void {
    this.outcomes.push({ kind: 'fail', id, reason });
  }

  skip(id: CaseId, reason: string): void {
    this.outcomes.push({ kind: 'skip', id, reason });
  }
}
