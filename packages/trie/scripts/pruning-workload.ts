/**
 * The full-size pruning workload: 2,000 blocks of 200 changed accounts each (3 storage slots per
 * account, deletions and re-creations of identical values) on LevelDB, once with pruning on and
 * once with it off. Prints the store sizes against one full state, then walks every account and
 * slot of every retained root and rebuilds its root. `npm test` runs a smaller version of the
 * same test (test/pruning-workload.test.ts).
 *
 *   node --conditions=@cairn/source --import tsx packages/trie/scripts/pruning-workload.ts [blocks] [changes] [accounts] [retained]
 */
import { bytesToHex } from '@cairn/common';
import { Segments, segment } from '@cairn/storage';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrieNodeStore } from '../src/store/node-store';
import { recomputeState } from '../test/helpers/recompute';
import { diskBytes, logicalBytes, runWorkload, stateBytes } from '../test/helpers/run-workload';

const [blocks = 2000, changesPerBlock = 200, accounts = 20_000, retained = 16] = process.argv.slice(2).map(Number);
const workload = { seed: 2024, accounts, changesPerBlock, slotsPerChange: 3 };
const dir = mkdtempSync(join(tmpdir(), 'cairn-pruning-workload-'));
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

try {
  for (const pruning of [true, false]) {
    const location = join(dir, pruning ? 'pruned' : 'unpruned');
    const started = performance.now();
    const run = await runWorkload(location, workload, blocks, pruning ? retained : undefined);
    const seconds = (performance.now() - started) / 1000;
    const head = run.roots.at(-1)!;
    const full = await stateBytes(run.store, head);
    const size = await logicalBytes(run.store);
    await run.store.compact();
    console.log(`${pruning ? `pruning on (${retained} retained)` : 'pruning off'}: ${blocks} blocks in ${seconds.toFixed(1)} s; one full state ${mb(full)}; store ${mb(size)} = ${(size / full).toFixed(2)}x (${mb(diskBytes(location))} on disk after compaction)`);
    if (pruning) {
      const nodes = new TrieNodeStore(segment(run.store, Segments.trieNodes));
      for (const root of run.roots.slice(-retained)) {
        const rebuilt = await recomputeState(nodes, root);
        if (bytesToHex(rebuilt.root) !== bytesToHex(root)) throw new Error(`retained root ${bytesToHex(root)} rebuilds to ${bytesToHex(rebuilt.root)}`);
      }
      console.log(`  every one of the ${retained} retained roots walked (every account and slot) and rebuilt to the same root`);
      if (size > 2 * full) throw new Error('the pruned store is larger than twice one full state');
    }
    await run.state.close();
    await run.store.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
