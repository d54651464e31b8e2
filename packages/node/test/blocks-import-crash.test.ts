import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesToHex } from '@cairn/common';
import { afterAll, expect, it } from 'vitest';
import { openChain } from '../src/commands/open-chain';
import { writeTestChain } from './block-files';
import { checkChainConsistency } from './store-check';

const BLOCKS = 300;
const MIN_KILLS = 20;
const dir = mkdtempSync(join(tmpdir(), 'cairn-import-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small seeded generator (mulberry32), so that a failing run can be repeated with its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `blocks import` in a child process; kills it with SIGKILL `killAfter` ms after it starts importing. */
function runImport(args: string[], killAfter?: number): Promise<{ killed: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@cairn/source', '--import', 'tsx', join(import.meta.dirname, 'fixtures', 'import-child.ts'), ...args], {
      cwd: join(import.meta.dirname, '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (killAfter !== undefined && !armed && output.includes('importing')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), killAfter).unref();
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: true, output });
      else if (code === 0) resolve({ killed: false, output });
      else reject(new Error(`blocks import exited with ${code ?? signal}: ${output}`));
    });
  });
}

async function inspect(location: { genesisFile: string; dataPath: string }) {
  const { chain, close } = await openChain(location);
  try {
    const accounts = await checkChainConsistency(chain, chain.blocks.store);
    return { number: chain.head.header.number, hash: bytesToHex(chain.head.hash()), root: bytesToHex(chain.head.header.stateRoot), accounts };
  } finally {
    await close();
  }
}

it(`restarts to a consistent store after ${MIN_KILLS}+ SIGKILLs during an import and resumes to the same head`, { timeout: 600_000 }, async () => {
  const files = await writeTestChain(dir, BLOCKS, 4);
  const seed = Number(process.env.CAIRN_CRASH_SEED ?? Date.now() % 1_000_000);
  const next = random(seed);
  const location = { genesisFile: files.genesisFile, dataPath: join(dir, 'crashed') };
  const args = [files.blocksFile, files.genesisFile, location.dataPath];
  const heads: bigint[] = [];
  let kills = 0;
  while (kills < MIN_KILLS) {
    const { killed } = await runImport(args, Math.floor(next() * 120));
    const state = await inspect(location);
    heads.push(state.number);
    if (!killed) break;
    kills++;
  }
  // Every kill left a store that opened, was consistent and had its head's whole state; the
  // import then resumes where it stopped and ends where an uninterrupted import ends.
  const finished = await runImport(args);
  expect(finished.output).toContain('done');
  const final = await inspect(location);
  expect(final).toMatchObject({ number: BigInt(BLOCKS), hash: files.head.hash, root: files.head.stateRoot });
  expect(kills, `seed ${seed}: the import finished before ${MIN_KILLS} kills (heads ${heads.join(', ')})`).toBeGreaterThanOrEqual(MIN_KILLS);
  // The kills landed part-way through: the head moved on between them, one block at a time or more.
  expect(heads, `seed ${seed}`).toEqual([...heads].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  expect(new Set(heads).size, `seed ${seed}: kills should land at different blocks`).toBeGreaterThanOrEqual(5);
  console.log(`seed ${seed}: ${kills} kills, heads after each ${heads.join(', ')}; final head #${final.number}, ${final.accounts} accounts`);
});
