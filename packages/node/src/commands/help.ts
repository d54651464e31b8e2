import { OPTIONS, type OptionName } from '../cli/options';

const COMMANDS = [
  ['cairn [OPTIONS]', 'run the node (by default the development network: cairn --network=dev)'],
  ['cairn [OPTIONS] blocks import --from=FILE', 'import a file of concatenated RLP blocks into --data-path (needs --genesis-file)'],
  ['cairn [OPTIONS] blocks export --to=FILE [--start=N] [--end=M]', 'export canonical blocks to a file (needs --genesis-file)'],
  ['cairn --help | --version', 'print this help, or the version'],
] as const;

/**
 * The `--help` text: the commands, then every option by group with its value kind and default.
 * Every option can also be given as a `CAIRN_<NAME>` environment variable or a key of the
 * `--config-file` TOML file.
 */
export function helpText(): string {
  const lines = ['Usage:'];
  for (const [usage, what] of COMMANDS) lines.push(`  ${usage}`, `      ${what}`);
  const groups = new Map<string, OptionName[]>();
  for (const name of Object.keys(OPTIONS) as OptionName[]) {
    const group = OPTIONS[name].group;
    groups.set(group, [...(groups.get(group) ?? []), name]);
  }
  for (const [group, names] of groups) {
    lines.push('', `${group}:`);
    for (const name of names) {
      const spec = OPTIONS[name];
      const shown = (spec.kind.show as (value: unknown) => string)(spec.defaultValue);
      const value = spec.kind.isFlag ? `[=<${spec.kind.label}>]` : `=<${spec.kind.label}>`;
      lines.push(`  --${name}${value}`, `      ${spec.description}${shown === '' ? '' : ` (default: ${shown})`}`);
    }
  }
  lines.push('', 'Every option may also come from the environment as CAIRN_<NAME> (CAIRN_RPC_HTTP_PORT=8545) or from the --config-file TOML file (rpc-http-port = 8545).');
  return lines.join('\n');
}
