import { ConfigError } from '@cairn/common';

/** The command line split into words (sub-commands) and `--name[=value]` options. */
export interface ParsedArgv {
  readonly words: readonly string[];
  /** Option name → its text, or `true` for a bare flag. Repeated options keep the last value. */
  readonly options: ReadonlyMap<string, string | true>;
}

/**
 * Splits argv. `--name=value` and `--name value` both work; a bare `--name` followed by another
 * option or by nothing is a flag. `isFlag` tells which names never take a separate value word, so
 * that `--rpc-http-enabled blocks` does not swallow a sub-command.
 */
export function parseArgv(argv: readonly string[], isFlag: (name: string) => boolean): ParsedArgv {
  const words: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      if (arg.startsWith('-') && arg !== '-') throw new ConfigError(`unknown option ${arg} (options start with --)`);
      words.push(arg);
      continue;
    }
    const body = arg.slice(2);
    if (body.length === 0) throw new ConfigError('a bare "--" is not an option');
    const eq = body.indexOf('=');
    if (eq >= 0) {
      options.set(body.slice(0, eq), body.slice(eq + 1));
    } else if (!isFlag(body) && i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      options.set(body, argv[++i]);
    } else {
      options.set(body, true);
    }
  }
  return { words, options };
}

/** The known name closest to `name`, to suggest on a typo. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
