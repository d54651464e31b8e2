import { readFileSync } from 'node:fs';
import { Evm, precompilesFor } from '@cairn/evm';
import { runBlockchainTest } from '../blockchain/run-test';
import type { BlockchainTestJson } from '../blockchain/fixture';
import { networkConfig } from '../blockchain/networks';
import { forkSelected } from '../fork-names';
import { filledBeforeRetroactiveEips } from '../state/run-case';
import type { CaseReporter } from '../reporter';
import { type RunOptions, type Suite, selected } from '../suite';

/**
 * BlockchainTests (ValidBlocks, InvalidBlocks, TransitionTests): each test imports its blocks
 * into a fresh chain and compares the head and its state with the fixture. Tests of networks
 * Cairn does not execute are reported as skips.
 */
export const blockchainSuite: Suite = {
  name: 'blockchain',
  folders: ['BlockchainTests/ValidBlocks', 'BlockchainTests/InvalidBlocks', 'BlockchainTests/TransitionTests'],
  async runFile(path: string, file: string, options: RunOptions, reporter: CaseReporter) {
    const tests = JSON.parse(readFileSync(path, 'utf8')) as Record<string, BlockchainTestJson>;
    const modern = new Evm({ precompiles: precompilesFor });
    // Fixtures filled before the retroactive EIP-3607 and EIP-7610 run without them.
    const legacy = new Evm({ precompiles: precompilesFor, retroactiveEips: false });
    for (const [name, test] of Object.entries(tests)) {
      if (!selected(options, file, name) || !forkSelected(options.fork, test.network)) continue;
      const evm = filledBeforeRetroactiveEips(test) ? legacy : modern;
      const id = { file, test: name, fork: test.network };
      const config = networkConfig(test.network);
      if (config === undefined) {
        reporter.skip(id, `network ${test.network} is not one Cairn executes`);
        continue;
      }
      try {
        const outcome = await runBlockchainTest(test, config, evm);
        if (outcome.kind === 'pass') reporter.pass(id);
        else if (outcome.kind === 'skip') reporter.skip(id, outcome.reason);
        else reporter.fail(id, outcome.reason);
      } catch (error) {
        reporter.fail(id, `error: ${(error as Error).stack ?? error}`);
      }
    }
  },
};
