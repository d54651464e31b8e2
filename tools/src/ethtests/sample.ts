import { dirname } from 'node:path';

/**
 * Fixture files too slow for the sampled run, each with the reason. They stay in every full run;
 * `--sample` leaves them out so that the CI sample keeps its time budget.
 */
export const SLOW_FILES: ReadonlyMap<string, string> = new Map([
  ['GeneralStateTests/stTimeConsuming/CALLBlake2f_MaxRounds.json', 'BLAKE2 F with 2^32 - 1 rounds: about 35 s a case on WebAssembly; its six forks in v13.3 take over three minutes of one core, against under a minute for the rest of the sample'],
  ['GeneralStateTests/stTimeConsuming/static_Call50000_sha256.json', '50,000 SHA-256 calls over 50 KB each: about a minute'],
]);

/**
 * A fixed sample of `files`: the first of every `every` files in each folder (in name order), so
 * that every folder, and so every fork and feature the suite covers, is represented; files on
 * the slow list are left out. `every` = 1 keeps everything but the slow files.
 */
export function sampleFiles(files: readonly string[], every: number): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (const file of files) {
    const folder = dirname(file);
    const index = seen.get(folder) ?? 0;
    seen.set(folder, index + 1);
    if (index % every === 0 && !SLOW_FILES.has(file)) out.push(file);
  }
  return out;
}
