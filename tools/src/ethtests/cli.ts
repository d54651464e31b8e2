import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runOnWorkers } from './pool';
import { ConsoleReporter } from './reporter';
import { sampleFiles } from './sample';
import { jsonFiles, resolveSources } from './source';
import { SUITES } from './suites/index';
import type { FileTask } from './worker';

const USAGE = `usage: npm run ethtests -- <suite> [SOURCE] [--fork NAME] [--filter REGEX] [--jobs N] [--sample N]
  suite   one of: ${[...SUITES.keys()].join(', ')}
  SOURCE  a folder or .tar.xz laid out like ethereum/tests (default: both archives in ../shared/fixtures/ethereum-tests)
  --sample N  run a fixed sample: every Nth file of each folder, without the slow files (see sample.ts)`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      fork: { type: 'string' },
      filter: { type: 'string' },
      jobs: { type: 'string', default: String(availableParallelism()) },
      sample: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [suiteName, sourceArg, ...extra] = positionals;
  if (values.help || !suiteName || extra.length > 0) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const suite = SUITES.get(suiteName);
  if (!suite) {
    console.error(`unknown suite ${JSON.stringify(suiteName)}\n${USAGE}`);
    return 2;
  }
  const jobs = Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) {
    console.error('--jobs must be a positive integer');
    return 2;
  }
  const sample = values.sample === undefined ? undefined : Number(values.sample);
  if (sample !== undefined && (!Number.isInteger(sample) || sample < 1)) {
    console.error('--sample must be a positive integer');
    return 2;
  }
  if (values.filter !== undefined) new RegExp(values.filter); // fail early on a bad pattern
  const reporter = new ConsoleReporter();
  for (const source of resolveSources(sourceArg)) {
    console.log(`== ${suite.name} on ${source.label}${values.fork ? ` (fork ${values.fork})` : ''}`);
    const inSuite = (file: string) => suite.folders.some((folder) => file.startsWith(`${folder}/`));
    for (const file of source.missing.filter(inSuite)) {
      reporter.skip({ file, fork: values.fork }, `file missing from the archive (listed in its MISSING file)`);
    }
    const all = suite.folders.flatMap((folder) => jsonFiles(source.root, folder));
    const files = sample === undefined ? all : sampleFiles(all, sample);
    if (sample !== undefined) console.log(`sample: ${files.length} of ${all.length} files (every ${sample}th file of each folder, slow files left out)`);
    const tasks: FileTask[] = files.map((file) => ({ suite: suite.name, path: join(source.root, file), file, fork: values.fork, filter: values.filter }));
    if (jobs === 1) {
      for (const task of tasks) {
        try {
          await suite.runFile(task.path, task.file, { fork: task.fork, filter: values.filter ? new RegExp(values.filter) : undefined }, reporter);
        } catch (error) {
          reporter.fail({ file: task.file }, `the file could not be run: ${(error as Error).message}`);
        }
      }
    } else {
      await runOnWorkers(tasks, jobs, (outcomes) => {
        for (const outcome of outcomes) reporter.record(outcome);
      });
    }
  }
  for (const line of reporter.forkLines()) console.log(line);
  console.log(reporter.summary());
  return reporter.failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
