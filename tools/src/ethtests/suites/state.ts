import { readFileSync } from 'node:fs';
import { Evm } from '@cairn/evm';
import { forkFromTestName, forkSelected } from '../fork-names';
import type { CaseReporter } from '../reporter';
import { filledBeforeRetroactiveEips, runStateCase } from '../state/run-case';
import type { StateTestJson } from '../state/fixture';
import { type RunOptions, type Suite, selected } from '../suite';

/**
 * GeneralStateTests: each post case of each test, for every fork Cairn executes. Forks Cairn
 * does not know (newer ones) are reported as skips, never dropped.
 */
export const stateSuite: Suite = {
  name: 'state',
  folders: ['GeneralStateTests'],
  async runFile(path: string, file: string, options: RunOptions, reporter: CaseReporter) {
    const tests = JSON.parse(readFileSync(path, 'utf8')) as Record<string, StateTestJson>;
    const modern = new Evm();
    const legacy = new Evm({ retroactiveEips: false });
    for (const [name, test] of Object.entries(tests)) {
      if (!selected(options, file, name)) continue;
      const evm = filledBeforeRetroactiveEips(test) ? legacy : modern;
      for (const [forkName, cases] of Object.entries(test.post)) {
        if (!forkSelected(options.fork, forkName)) continue;
        const fork = forkFromTestName(forkName);
        for (let index = 0; index < cases.length; index++) {
          const id = { file, test: name, fork: forkName, index };
          if (fork === undefined) {
            reporter.skip(id, `fork ${forkName} is not one Cairn executes`);
            continue;
          }
          try {
            const failure = await runStateCase(evm, test, fork, cases[index]);
            if (failure === undefined) reporter.pass(id);
            else reporter.fail(id, failure);
          } catch (error) {
            reporter.fail(id, `error: ${(error as Error).stack ?? error}`);
          }
        }
      }
    }
  },
};
