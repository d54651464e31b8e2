/** How many untimed and timed runs a measurement makes. */
export interface MeasureOptions {
  readonly warmup: number;
  readonly iterations: number;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median wall time in seconds of `run`, after `warmup` discarded runs. `prepare` builds fresh
 * input before each run outside the timed region; garbage is collected between runs when the
 * process was started with `--expose-gc`.
 */
export async function measureSeconds<T>(options: MeasureOptions, prepare: () => T | Promise<T>, run: (input: T) => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < options.warmup + options.iterations; i++) {
    const input = await prepare();
    collectGarbage();
    const start = process.hrtime.bigint();
    await run(input);
    const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    if (i >= options.warmup) times.push(elapsed);
  }
  return median(times);
}
