import { bytesToHex, concatBytes, equalBytes, hexToBytes } from '@cairn/common';
import { SecureTrie, Trie } from '@cairn/trie';
import { readFileSync } from 'node:fs';
import type { CaseReporter } from '../reporter';
import { type RunOptions, type Suite, selected } from '../suite';

type Pairs = [string, string | null][];
interface RootTest {
  in: Pairs | Record<string, string | null>;
  root: string;
}
interface NextPrevTest {
  in: string[];
  tests: [string, string, string][];
}

const utf8 = new TextEncoder();

/** Fixture text as bytes: `0x…` is hex, anything else UTF-8. */
function bytesOf(text: string): Uint8Array {
  return text.startsWith('0x') ? hexToBytes(text) : utf8.encode(text);
}

function makeTrie(secure: boolean): Trie | SecureTrie {
  return secure ? new SecureTrie() : new Trie();
}

/** Applies `pairs` in order (null or empty deletes) and checks the root and every final value. */
async function build(pairs: Pairs, secure: boolean, expectedRoot: string): Promise<string | undefined> {
  const trie = makeTrie(secure);
  const final = new Map<string, string | null>();
  for (const [key, value] of pairs) {
    if (value === null) await trie.del(bytesOf(key));
    else await trie.put(bytesOf(key), bytesOf(value));
    final.set(key, value);
  }
  const root = bytesToHex(trie.root());
  if (root !== expectedRoot) return `root is ${root}, expected ${expectedRoot}`;
  for (const [key, value] of final) {
    const got = await trie.get(bytesOf(key));
    const want = value === null || value === '' ? undefined : bytesOf(value);
    if (want === undefined ? got !== undefined : got === undefined || !equalBytes(got, want)) {
      return `get(${key}) returns ${got && bytesToHex(got)} after the inserts`;
    }
  }
  return undefined;
}

/** A deterministic shuffle (xorshift), so that "any order" is tried on more than one order. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const j = (s >>> 0) % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function orders(pairs: Pairs): Pairs[] {
  return [pairs, [...pairs].reverse(), ...[1, 2, 3].map((seed) => shuffled(pairs, seed * 7919))];
}

async function runRootTest(test: RootTest, secure: boolean): Promise<string | undefined> {
  if (Array.isArray(test.in)) return build(test.in, secure, test.root);
  // trieanyorder and the hex-encoded secure tests: the root must not depend on insertion order.
  for (const order of orders(Object.entries(test.in))) {
    const failure = await build(order, secure, test.root);
    if (failure) return `${failure} (insertion order ${order.map(([k]) => k).join(', ')})`;
  }
  return undefined;
}

async function runNextPrev(test: NextPrevTest): Promise<string | undefined> {
  const trie = new Trie();
  for (const key of test.in) await trie.put(bytesOf(key), bytesOf(key));
  const text = (entry: IteratorResult<[Uint8Array, Uint8Array]>) => (entry.done ? '' : new TextDecoder().decode(entry.value[0]));
  for (const [key, prev, next] of test.tests) {
    const k = bytesOf(key);
    // The smallest key above `k` is at least k || 0x00.
    const after = text(await trie.entries({ from: concatBytes(k, Uint8Array.of(0)) }).next());
    const before = text(await trie.entries({ to: k, reverse: true }).next());
    if (after !== next || before !== prev) return `around ${JSON.stringify(key)}: prev ${JSON.stringify(before)}, next ${JSON.stringify(after)}; expected ${JSON.stringify(prev)}, ${JSON.stringify(next)}`;
  }
  return undefined;
}

/**
 * TrieTests: trietest (ordered puts and deletes), trieanyorder (the same root for several
 * insertion orders), their secure-trie variants and hex_encoded_securetrie_test (keys hashed),
 * and trietestnextprev (ordered iteration: the neighbours of a key).
 */
export const trieSuite: Suite = {
  name: 'trie',
  folders: ['TrieTests'],
  async runFile(path: string, file: string, options: RunOptions, reporter: CaseReporter) {
    const tests = JSON.parse(readFileSync(path, 'utf8')) as Record<string, RootTest | NextPrevTest>;
    const secure = /securetrie/i.test(file);
    for (const [test, body] of Object.entries(tests)) {
      if (!selected(options, file, test)) continue;
      const id = { file, test };
      try {
        const failure = 'tests' in body ? await runNextPrev(body) : await runRootTest(body, secure);
        if (failure) reporter.fail(id, failure);
        else reporter.pass(id);
      } catch (error) {
        reporter.fail(id, `unexpected error: ${(error as Error).message}`);
      }
    }
  },
};
