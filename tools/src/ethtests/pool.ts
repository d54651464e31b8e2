import { Worker } from 'node:worker_threads';
import type { Outcome } from './reporter';
import type { FileTask } from './worker';

/**
 * Runs file tasks on `jobs` worker threads, handing each idle worker the next file, and passes
 * every file's outcomes to `onOutcomes` as soon as that file is done.
 */
export async function runOnWorkers(tasks: readonly FileTask[], jobs: number, onOutcomes: (outcomes: Outcome[]) => void): Promise<void> {
  const queue = [...tasks];
  const workerUrl = new URL('./worker-entry.mjs', import.meta.url);
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerUrl);
      let current: FileTask | undefined;
      const next = () => {
        current = queue.shift();
        if (current) worker.postMessage(current);
        else void worker.terminate().then(() => resolve());
      };
      worker.on('message', (outcomes: Outcome[]) => {
        onOutcomes(outcomes);
        next();
      });
      worker.on('error', (error) => {
        // A crash in one file (out of memory, a stack overflow) fails that file, not the run.
        if (current) onOutcomes([{ kind: 'fail', id: { file: current.file }, reason: `worker crashed: ${error.message}` }]);
        void worker.terminate();
        runWorker().then(resolve, reject);
      });
      next();
    });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, tasks.length)) }, runWorker));
}
