import { ConfigError } from '@cairn/common';

/**
 * How one command-line option reads its value. The same option can come from a flag
 * (`--name=value`), an environment variable (`CAIRN_NAME`) or the TOML config file, so each kind
 * parses text (flags and environment) and typed TOML values alike.
 */
export interface OptionKind<T> {
  readonly label: string;
  /** Whether a bare `--name` with no value means `true`. */
  readonly isFlag: boolean;
  fromText(text: string): T;
  fromToml(value: unknown): T;
  /** How the value is shown in help and in error messages. */
  show(value: T): string;
}

function fail(message: string): never {
  throw new ConfigError(message);
}

export const booleanKind: OptionKind<boolean> = {
  label: 'BOOLEAN',
  isFlag: true,
  fromText(text) {
    const lower = text.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    return fail(`expected true or false, got ${JSON.stringify(text)}`);
  },
  fromToml(value) {
    return typeof value === 'boolean' ? value : typeof value === 'string' ? booleanKind.fromText(value) : fail(`expected a boolean, got ${JSON.stringify(value)}`);
  },
  show: String,
};

export function integerKind(min: number, max: number): OptionKind<number> {
  const check = (value: number, shown: string) =>
    Number.isSafeInteger(value) && value >= min && value <= max ? value : fail(`expected an integer from ${min} to ${max}, got ${shown}`);
  return {
    label: 'INTEGER',
    isFlag: false,
    fromText: (text) => (/^-?\d+$/.test(text.trim()) ? check(Number(text), JSON.stringify(text)) : fail(`expected an integer, got ${JSON.stringify(text)}`)),
    fromToml: (value) => (typeof value === 'number' || typeof value === 'bigint' ? check(Number(value), String(value)) : integerKind(min, max).fromText(String(value))),
    show: String,
  };
}

/** A wei amount or other large non-negative integer, in decimal or 0x-hex. */
export const weiKind: OptionKind<bigint> = {
  label: 'WEI',
  isFlag: false,
  fromText(text) {
    const t = text.trim();
    if (/^\d+$/.test(t) || /^0x[0-9a-fA-F]+$/.test(t)) return BigInt(t);
    return fail(`expected a non-negative integer, got ${JSON.stringify(text)}`);
  },
  fromToml: (value) => weiKind.fromText(String(value)),
  show: String,
};

export const stringKind: OptionKind<string> = {
  label: 'STRING',
  isFlag: false,
  fromText: (text) => text,
  fromToml: (value) => (typeof value === 'string' ? value : fail(`expected a string, got ${JSON.stringify(value)}`)),
  show: (value) => value,
};

/** A 20-byte address in 0x-hex. */
export const addressKind: OptionKind<string> = {
  label: 'ADDRESS',
  isFlag: false,
  fromText: (text) => (/^0x[0-9a-fA-F]{40}$/.test(text.trim()) ? text.trim().toLowerCase() : fail(`expected a 20-byte hex address, got ${JSON.stringify(text)}`)),
  fromToml: (value) => addressKind.fromText(String(value)),
  show: (value) => value,
};

/** One of a fixed set of words, matched case-insensitively and normalised to the listed spelling. */
export function choiceKind<const C extends string>(choices: readonly C[]): OptionKind<C> {
  const fromText = (text: string): C => choices.find((c) => c.toLowerCase() === text.toLowerCase()) ?? fail(`expected one of ${choices.join(', ')}, got ${JSON.stringify(text)}`);
  return { label: choices.join('|'), isFlag: false, fromText, fromToml: (value) => fromText(String(value)), show: (value) => value };
}

/** A comma-separated list (or a TOML array); an element may be validated by `item`. */
export function listKind(item: (text: string) => string = (t) => t): OptionKind<readonly string[]> {
  const clean = (items: string[]) => items.map((s) => s.trim()).filter((s) => s.length > 0).map(item);
  return {
    label: 'LIST',
    isFlag: false,
    fromText: (text) => clean(text.split(',')),
    fromToml: (value) => (Array.isArray(value) ? clean(value.map(String)) : clean(String(value).split(','))),
    show: (value) => value.join(','),
  };
}
