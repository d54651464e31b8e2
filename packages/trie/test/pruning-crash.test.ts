import { bytesToBigInt, bytesToHex } from '@cairn/common';
import { LevelDbStore, MemoryStore, Segments, segment } from '@cairn/storage';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { EMPTY_TRIE_ROOT } from '../src/empty-root';
import { WorldState } from '../src/state/world-state';
import { TrieNodeStore } from '../src/store/node-store';
import { CRASH_WORKLOAD } from './fixtures/crash-workload';
import { reachable } from './helpers/state-contents';
import { recomputeState } from './helpers/recompute';
import { workloadBlock } from './helpers/workload';

const BLOCKS = 160;
const RETAINED = 5;
/** Each kill comes this many commits into a run, and then these milliseconds later: during the pruning step that commit started, or just after. */
const KILLS: [number, number][] = [
  [12, 0],
  [30, 3],
  [7, 1],
  [25, 6],
  [18, 0],
  [40, 2],
];
const dir = mkdtempSync(join(tmpdir(), 'cairn-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the child; kills it with SIGKILL `kill[1]` ms after its `kill[0]`-th commit of this run, or lets it finish. */
function runChild(location: string, kill?: [number, number]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@cairn/source', '--import', 'tsx', join(import.meta.dirname, 'fixtures', 'pruning-child.ts'), location, String(BLOCKS), String(RETAINED)], {
      cwd: join(import.meta.dirname, '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    let armed = kill !== undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (armed && (output.match(/^block /gm)?.length ?? 0) >= kill![0]) {
        armed = false;
        setTimeout(() => child.kill('SIGKILL'), kill![1]).unref();
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve(output);
      else reject(new Error(`the child exited with ${code ?? signal}: ${output}`));
    });
  });
}

it('restarts to a consistent store after SIGKILL at random moments during commits and pruning', { timeout: 240_000 }, async () => {
  const location = join(dir, 'store');
  const starts: string[] = [];
  for (const kill of KILLS) starts.push(await runChild(location, kill));
  const last = await runChild(location);
  expect(last).toContain('done');
  // The kills interrupted the work part-way: later runs resumed from a later block each time.
  const resumedAt = [...starts, last].map((out) => Number(/ready (\d+)/.exec(out)?.[1] ?? -1));
  expect(resumedAt[0]).toBe(0);
  for (let i = 1; i < resumedAt.length; i++) expect(resumedAt[i]).toBeGreaterThan(resumedAt[i - 1]);
  // Kills landed before pruning had counted the last commits: the next run picked that work up.
  const uncounted = [...starts, last].slice(1).map((out) => Number(/uncounted (\d+)/.exec(out)?.[1] ?? 0));
  expect(uncounted.some((n) => n > 0)).toBe(true);
  console.log(`resumed at blocks ${resumedAt.join(', ')}; commits not yet counted by pruning at each restart: ${uncounted.join(', ')}`);

  // The same workload without crashes or pruning gives the roots every block must have.
  const reference = await WorldState.open(new MemoryStore());
  const expected: string[] = [];
  let root = EMPTY_TRIE_ROOT;
  for (let n = 0; n < BLOCKS; n++) {
    const { changes } = workloadBlock(CRASH_WORKLOAD, n);
    root = await reference.commit(root, changes);
    expected.push(bytesToHex(root));
  }

  const store = await LevelDbStore.open(location);
  const state = await WorldState.open(store, { pruning: { enabled: true, blocksRetained: RETAINED } });
  await state.pruner!.idle();
  expect(state.pruner!.status().failure).toBeUndefined();
  const recorded: string[] = [];
  for await (const [key, value] of segment(store, Segments.indexes).iterate()) recorded[Number(bytesToBigInt(key))] = bytesToHex(value);
  expect(recorded).toEqual(expected);

  const nodes = new TrieNodeStore(segment(store, Segments.trieNodes));
  const retained = { nodes: new Set<string>(), code: new Set<string>() };
  for (const hex of expected.slice(-RETAINED)) {
    const rebuilt = await recomputeState(nodes, Uint8Array.from(Buffer.from(hex.slice(2), 'hex')));
    expect(bytesToHex(rebuilt.root)).toBe(hex);
    await reachable(nodes, Uint8Array.from(Buffer.from(hex.slice(2), 'hex')), retained);
  }
  // Nothing leaked and nothing is missing: the store holds exactly the retained states' nodes.
  const stored = new Set<string>();
  for await (const [key] of segment(store, Segments.trieNodes).iterate()) stored.add(bytesToHex(key));
  expect(stored).toEqual(retained.nodes);
  await state.close();
  await store.close();
});
