import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sharedDir } from '../repo-root';
import { type BenchResult, formatJson, formatTable } from './result';
import { BENCH_SUITES } from './suites/index';

const USAGE = `usage: npm run bench -- <suite> [--json]
suites:
${[...BENCH_SUITES.values()].map((s) => `  ${s.name.padEnd(8)} ${s.description}`).join('\n')}`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  const [name, ...extra] = positionals;
  if (values.help || !name || extra.length > 0) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const suite = BENCH_SUITES.get(name);
  if (!suite) {
    console.error(`unknown benchmark suite ${JSON.stringify(name)}\n${USAGE}`);
    return 2;
  }
  const results: BenchResult[] = [];
  await suite.run({
    workloadsDir: join(sharedDir(), 'bench', 'workloads'),
    emit: (result) => {
      results.push(result);
      if (values.json) console.log(formatJson(result));
      else console.error(`measured ${result.workload}`);
    },
    log: (line) => console.error(line),
  });
  if (!values.json) console.log(formatTable(results));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
