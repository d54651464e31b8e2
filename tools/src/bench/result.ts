/** One row of a benchmark: Cairn's figure, the peer's on the same work, and their ratio. */
export interface BenchResult {
  readonly suite: string;
  readonly workload: string;
  /** A throughput unit (higher is better), such as `ops/s` or `Mgas/s`. */
  readonly unit: string;
  readonly cairn: number;
  readonly peer: number | null;
  /** cairn / peer: above 1 means Cairn is faster; null where there is no peer. */
  readonly ratio: number | null;
  /** Anything a reader needs to interpret the row (the keccak backend, a skip reason). */
  readonly note?: string;
}

export function makeResult(suite: string, workload: string, unit: string, cairn: number, peer: number | null, note?: string): BenchResult {
  return { suite, workload, unit, cairn, peer, ratio: peer === null ? null : cairn / peer, ...(note ? { note } : {}) };
}

function formatNumber(value: number | null): string {
  if (value === null) return 'null';
  if (value >= 1000) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(4);
}

/** A plain-text table of results, one row per workload. */
export function formatTable(results: readonly BenchResult[]): string {
  const rows = [
    ['workload', 'unit', 'cairn', 'peer', 'ratio', 'note'],
    ...results.map((r) => [r.workload, r.unit, formatNumber(r.cairn), formatNumber(r.peer), r.ratio === null ? 'null' : `${r.ratio.toFixed(2)}x`, r.note ?? '']),
  ];
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  return rows.map((row) => row.map((cell, col) => cell.padEnd(widths[col])).join('  ').trimEnd()).join('\n');
}

/** The `--json` form: one object per line with exactly the documented fields. */
export function formatJson(result: BenchResult): string {
  const { suite, workload, unit, cairn, peer, ratio } = result;
  return JSON.stringify({ suite, workload, unit, cairn, peer, ratio });
}
