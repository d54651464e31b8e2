/**
 * Runs async sections one at a time, in call order. Commits and pruning steps write through it,
 * so that a pruning step's deletions and a commit that writes the same node again are never
 * applied by the store in an order the pruner did not see.
 */
export class WriteLock {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(section: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(section);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
