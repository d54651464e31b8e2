import { parentPort } from 'node:worker_threads';
import { CollectingReporter } from './reporter';
import { SUITES } from './suites/index';

/** A file for a worker thread to run. */
export interface FileTask {
  readonly suite: string;
  readonly path: string;
  readonly file: string;
  readonly fork?: string;
  readonly filter?: string;
}

parentPort?.on('message', async (task: FileTask) => {
  const reporter = new CollectingReporter();
  try {
    const suite = SUITES.get(task.suite)!;
    await suite.runFile(task.path, task.file, { fork: task.fork, filter: task.filter ? new RegExp(task.filter) : undefined }, reporter);
  } catch (error) {
    reporter.fail({ file: task.file }, `the file could not be run: ${(error as Error).stack ?? error}`);
  }
  parentPort?.postMessage(reporter.outcomes);
});
