import { ConfigError } from '@cairn/common';
import { parse as parseToml } from 'smol-toml';
import { NETWORK_DEFAULTS } from './networks';
import { closestName } from './parse-argv';
import { envName, type NodeOptions, OPTIONS, type OptionName } from './options';

export type OptionSource = 'command line' | 'environment' | 'config file' | 'network' | 'default';

export interface ResolvedOptions {
  readonly values: NodeOptions;
  readonly sources: Readonly<Record<OptionName, OptionSource>>;
}

/** Where the options come from besides the command line; injected so tests need no real files. */
export interface OptionInputs {
  readonly cli: ReadonlyMap<string, string | true>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly readFile: (path: string) => string;
}

const NAMES = Object.keys(OPTIONS) as OptionName[];

function unknownOption(name: string, where: string): string {
  const guess = closestName(name, NAMES);
  return `unknown option ${where === 'command line' ? `--${name}` : `"${name}"`} in the ${where}${guess ? ` (did you mean ${where === 'command line' ? '--' : ''}${guess}?)` : ''}`;
}

function readConfigFile(path: string, readFile: (path: string) => string, issues: string[]): Map<string, unknown> {
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    issues.push(`--config-file: cannot read ${path}: ${(error as Error).message}`);
    return new Map();
  }
  try {
    const table = parseToml(text);
    const entries = new Map<string, unknown>();
    for (const [key, value] of Object.entries(table)) {
      if (!(key in OPTIONS) || key === 'config-file') issues.push(unknownOption(key, 'config file'));
      else entries.set(key, value);
    }
    return entries;
  } catch (error) {
    issues.push(`--config-file: ${path} is not valid TOML: ${(error as Error).message}`);
    return new Map();
  }
}

/**
 * Resolves every option from the command line, then `CAIRN_*` environment variables, then the
 * TOML config file, then the network's defaults, then the built-in defaults. Every bad value is
 * reported together in one `ConfigError`, each naming its option and where it came from.
 */
export function resolveOptions(inputs: OptionInputs): ResolvedOptions {
  const issues: string[] = [];
  for (const name of inputs.cli.keys()) if (!(name in OPTIONS)) issues.push(unknownOption(name, 'command line'));
  const values: Record<string, unknown> = {};
  const sources: Record<string, OptionSource> = {};

  const parseText = (name: OptionName, text: string | true, where: OptionSource) => {
    const spec = OPTIONS[name];
    try {
      if (text === true) {
        if (!spec.kind.isFlag) throw new ConfigError(`needs a value (--${name}=<${spec.kind.label}>)`);
        return true;
      }
      return spec.kind.fromText(text);
    } catch (error) {
      issues.push(`--${name} (from the ${where}): ${(error as Error).message}`);
      return undefined;
    }
  };

  const take = (name: OptionName, value: unknown, source: OptionSource) => {
    if (value !== undefined && sources[name] === undefined) {
      values[name] = value;
      sources[name] = source;
    }
  };

  for (const name of NAMES) {
    const fromCli = inputs.cli.get(name);
    if (fromCli !== undefined) take(name, parseText(name, fromCli, 'command line'), 'command line');
    const fromEnv = inputs.env[envName(name)];
    if (fromEnv !== undefined && sources[name] === undefined) take(name, parseText(name, fromEnv, 'environment'), 'environment');
  }

  const configPath = values['config-file'] as string | undefined;
  if (configPath) {
    for (const [name, raw] of readConfigFile(configPath, inputs.readFile, issues)) {
      const key = name as OptionName;
      try {
        take(key, OPTIONS[key].kind.fromToml(raw), 'config file');
      } catch (error) {
        issues.push(`${name} (from the config file): ${(error as Error).message}`);
      }
    }
  }

  // A genesis file describes its own chain, so a predefined network's defaults do not apply.
  if (!values['genesis-file']) {
    const network = (values.network as NodeOptions['network'] | undefined) ?? OPTIONS.network.defaultValue;
    for (const [name, value] of Object.entries(NETWORK_DEFAULTS[network])) take(name as OptionName, value, 'network');
  }
  for (const name of NAMES) take(name, OPTIONS[name].defaultValue, 'default');

  if (issues.length > 0) throw new ConfigError('invalid options', issues);
  return { values: values as NodeOptions, sources: sources as Record<OptionName, OptionSource> };
}
