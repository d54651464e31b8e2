import { CairnError, ConfigError } from '@cairn/common';
import { OPTIONS } from '../cli/options';
import { parseArgv } from '../cli/parse-argv';
import { resolveOptions } from '../cli/resolve-options';
import { listenForShutdown, type SignalSource } from '../lifecycle/signals';
import { createLogger } from '../logging/logger';
import { CAIRN_VERSION } from '../version';
import { runBlocksExport } from './blocks-export';
import { runBlocksImport } from './blocks-import';
import { helpText } from './help';
import { chainLocationOf } from './open-chain';
import { runNode } from './run-node';

/** What the command line runs in: `process` in the binary, stand-ins in tests. */
export interface CliEnvironment {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly readFile: (path: string) => string;
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** A progress line that replaces the previous one (blocks import). */
  readonly progress: (line: string) => void;
  readonly signals: SignalSource;
  /** Ends the process at once (a second shutdown signal). */
  readonly exit: (code: number) => void;
}

/** Options that belong to a sub-command rather than to the node. */
const COMMAND_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  'blocks import': ['from'],
  'blocks export': ['to', 'start', 'end'],
};

const isFlag = (name: string) => name in OPTIONS && OPTIONS[name as keyof typeof OPTIONS].kind.isFlag;

/**
 * The `cairn` command: `--help`, `--version`, `blocks import|export`, or the node itself.
 * Returns the exit code: 0 on success, 1 when a command fails, 2 for bad usage (options,
 * unknown commands), each with a message on stderr.
 */
export async function runCli(environment: CliEnvironment): Promise<number> {
  const { argv, stdout, stderr } = environment;
  if (argv.includes('--help') || argv.includes('-h')) {
    stdout(helpText());
    return 0;
  }
  if (argv.includes('--version')) {
    stdout(`cairn ${CAIRN_VERSION}`);
    return 0;
  }
  try {
    return await dispatch(environment);
  } catch (error) {
    if (error instanceof ConfigError) {
      stderr(`cairn: ${error.message}${error.issues.map((issue) => `\n  - ${issue}`).join('')}\nSee cairn --help.`);
      return 2;
    }
    if (error instanceof CairnError) {
      stderr(`cairn: ${error.code}: ${error.message}`);
      return 1;
    }
    // A service that failed to start for a known reason (no UPnP gateway, a port in use…).
    const cause = error instanceof Error ? error.cause : undefined;
    if (cause instanceof CairnError) {
      stderr(`cairn: ${cause.code}: ${(error as Error).message}`);
      return 1;
    }
    stderr(`cairn: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

async function dispatch(environment: CliEnvironment): Promise<number> {
  const parsed = parseArgv(environment.argv, isFlag);
  const command = parsed.words.join(' ');
  const own = new Map<string, string | true>();
  const nodeOptions = new Map(parsed.options);
  for (const name of COMMAND_OPTIONS[command] ?? []) {
    const value = nodeOptions.get(name);
    if (value === undefined) continue;
    if (value === true) throw new ConfigError('invalid options', [`--${name} needs a value`]);
    own.set(name, value);
    nodeOptions.delete(name);
  }
  const { values } = resolveOptions({ cli: nodeOptions, env: environment.env, readFile: environment.readFile });
  const logger = createLogger(values.logging, environment.stdout);
  switch (command) {
    case '': {
      const shutdown = listenForShutdown(environment.signals, (signal) => {
        environment.stderr(`cairn: second ${signal}: exiting without a clean shutdown`);
        environment.exit(130);
      });
      try {
        return await runNode(values, { logger, print: environment.stdout, shutdown });
      } finally {
        shutdown.dispose();
      }
    }
    case 'blocks import': {
      const from = required(own, 'from', command);
      const { exitCode } = await runBlocksImport({ from, ...chainLocationOf(values) }, { logger, progress: environment.progress });
      return exitCode;
    }
    case 'blocks export': {
      const to = required(own, 'to', command);
      await runBlocksExport({ to, start: blockNumber(own, 'start'), end: blockNumber(own, 'end'), ...chainLocationOf(values) }, logger);
      return 0;
    }
    default:
      throw new ConfigError('invalid command', [`unknown command "${command}" (commands: blocks import, blocks export)`]);
  }
}

function required(own: ReadonlyMap<string, string | true>, name: string, command: string): string {
  const value = own.get(name);
  if (typeof value !== 'string' || value === '') throw new ConfigError('invalid options', [`${command} needs --${name}=FILE`]);
  return value;
}

function blockNumber(own: ReadonlyMap<string, string | true>, name: string): bigint | undefined {
  const value = own.get(name);
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new ConfigError('invalid options', [`--${name}: expected a block number, got ${JSON.stringify(value)}`]);
  return BigInt(value);
}
