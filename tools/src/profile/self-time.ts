/** The parts of a V8 `.cpuprofile` (Chrome DevTools protocol `Profiler.Profile`) read here. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
  }[];
  readonly samples: readonly number[];
  /** Microseconds since the previous sample, one per sample. */
  readonly timeDeltas: readonly number[];
}

export interface FunctionTime {
  readonly name: string;
  readonly url: string;
  /** Zero-based, as V8 and source maps count. */
  readonly line: number;
  readonly column: number;
  readonly selfMs: number;
  /** Share of everything sampled in the profile. */
  readonly percent: number;
}

/**
 * Self time per function, most first: each sample's interval is charged to the function on top
 * of the stack then. One function reached through several call paths appears as several nodes
 * in the profile; they are summed here by name and position (line and column: a transpiled or
 * minified file may hold many functions on one line). `only` keeps the functions whose
 * file path contains it.
 */
export function hottestFunctions(profile: CpuProfile, only?: string): { totalMs: number; rows: FunctionTime[] } {
  const frameOf = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const selfUs = new Map<string, { name: string; url: string; line: number; column: number; us: number }>();
  let totalUs = 0;
  profile.samples.forEach((id, index) => {
    // The first delta is the gap from the profile's start, not a sample interval.
    const us = index === 0 ? 0 : Math.max(0, profile.timeDeltas[index] ?? 0);
    totalUs += us;
    const frame = frameOf.get(id);
    if (frame === undefined) return;
    const key = `${frame.functionName}@${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
    const row = selfUs.get(key) ?? { name: frame.functionName || '(anonymous)', url: frame.url, line: frame.lineNumber, column: frame.columnNumber, us: 0 };
    row.us += us;
    selfUs.set(key, row);
  });
  const rows = [...selfUs.values()]
    .filter((row) => only === undefined || row.url.includes(only))
    .sort((a, b) => b.us - a.us)
    .map((row) => ({ name: row.name, url: row.url, line: row.line, column: row.column, selfMs: row.us / 1000, percent: totalUs === 0 ? 0 : (row.us / totalUs) * 100 }));
  return { totalMs: totalUs / 1000, rows };
}
