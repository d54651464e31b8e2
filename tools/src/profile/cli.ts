import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type CpuProfile, hottestFunctions } from './self-time';
import { SourceLocator } from './source-location';

const USAGE = `usage: npm run profile -- FILE.cpuprofile [--top N] [--only TEXT]

Prints the functions with the most self time in a V8 CPU profile (written by
\`node --cpu-prof\`), e.g. of a benchmark run on the built packages (whose source maps
lead back to the TypeScript lines):
  npm run build
  node --cpu-prof --cpu-prof-dir=.cache/profiles --expose-gc --import tsx tools/src/bench/cli.ts evm
--only keeps the functions whose file path contains TEXT (e.g. packages/evm); the
percentages stay shares of the whole profile.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' }, only: { type: 'string' }, help: { type: 'boolean' } },
});
const file = positionals[0];
const top = Number(values.top);
if (values.help || file === undefined || !Number.isInteger(top) || top < 1) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

let profile: CpuProfile;
try {
  profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
} catch (error) {
  console.error(`cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}
const { totalMs, rows } = hottestFunctions(profile, values.only);
console.log(`${totalMs.toFixed(0)} ms sampled in ${file}`);
console.log('self ms   self %  function (file:line)');
const locator = new SourceLocator(process.cwd());
for (const row of rows.slice(0, top)) {
  const where = locator.describe(row.url, row.line, row.column);
  console.log(`${row.selfMs.toFixed(1).padStart(8)}  ${row.percent.toFixed(1).padStart(6)}  ${row.name} (${where})`);
}
