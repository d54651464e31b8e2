import { bytesToHex, concatBytes, equalBytes, keccak256 } from '@cairn/common';
import { Trie, verifyProof } from '@cairn/trie';
import { MerklePatriciaTrie, createMerkleProof, verifyMPTWithMerkleProof } from '@ethereumjs/mpt';
import { measureSeconds } from '../measure';
import { makeResult } from '../result';
import type { BenchContext } from '../suite';
import { type TrieInputs, trieInputs } from '../trie-inputs';

interface SizeSpec {
  readonly label: string;
  readonly n: number;
  readonly iters: number;
  readonly warmup: number;
}

interface Expected {
  readonly root: string;
  readonly proofDigest: string;
}

/** What both implementations must do the same way. */
interface Subject {
  readonly name: string;
  build(inputs: TrieInputs): Promise<{ root: Uint8Array; trie: unknown }>;
  get(trie: unknown, key: Uint8Array): Promise<Uint8Array | undefined | null>;
  prove(trie: unknown, key: Uint8Array): Promise<Uint8Array[]>;
  verify(trie: unknown, root: Uint8Array, key: Uint8Array, proof: Uint8Array[]): Promise<Uint8Array | undefined | null>;
}

const cairn: Subject = {
  name: 'cairn',
  async build({ keys, values }) {
    const trie = new Trie();
    for (let i = 0; i < keys.length; i++) await trie.put(keys[i], values[i]);
    return { root: trie.root(), trie };
  },
  get: (trie, key) => (trie as Trie).get(key),
  prove: (trie, key) => (trie as Trie).createProof(key),
  verify: async (_trie, root, key, proof) => verifyProof(root, key, proof),
};

const peer: Subject = {
  name: '@ethereumjs/mpt',
  async build({ keys, values }) {
    const trie = new MerklePatriciaTrie();
    for (let i = 0; i < keys.length; i++) await trie.put(keys[i], values[i]);
    return { root: trie.root(), trie };
  },
  get: (trie, key) => (trie as MerklePatriciaTrie).get(key),
  prove: (trie, key) => createMerkleProof(trie as MerklePatriciaTrie, key),
  verify: (trie, root, key, proof) => verifyMPTWithMerkleProof(trie as MerklePatriciaTrie, root, key, proof),
};

function proofKeys(inputs: TrieInputs, count: number, stride: number): number[] {
  return Array.from({ length: count }, (_, j) => (j * stride) % inputs.keys.length);
}

/** Builds with each subject and checks its root, values and proof digest against trie.json. */
async function check(subject: Subject, inputs: TrieInputs, picks: number[], expected: Expected) {
  const { root, trie } = await subject.build(inputs);
  if (bytesToHex(root) !== expected.root) throw new Error(`${subject.name}: root ${bytesToHex(root)}, expected ${expected.root}`);
  for (const i of picks) {
    const value = await subject.get(trie, inputs.keys[i]);
    if (!value || !equalBytes(value, inputs.values[i])) throw new Error(`${subject.name}: get of key ${i} returns a wrong value`);
  }
  const proofs: Uint8Array[][] = [];
  for (const i of picks) proofs.push(await subject.prove(trie, inputs.keys[i]));
  const digest = bytesToHex(keccak256(concatBytes(...proofs.flat())));
  if (digest !== expected.proofDigest) throw new Error(`${subject.name}: proof digest ${digest}, expected ${expected.proofDigest}`);
  for (const [j, i] of picks.entries()) {
    const value = await subject.verify(trie, root, inputs.keys[i], proofs[j]);
    if (!value || !equalBytes(value, inputs.values[i])) throw new Error(`${subject.name}: proof ${j} does not verify to value ${i}`);
  }
  return { root, trie, proofs };
}

/** The trie workloads of TRIE-SPEC.md for one size: insert-and-root, get, proof creation and verification. */
export async function runTrieWorkloads(size: SizeSpec, proofSpec: { count: number; stride: number }, expected: Expected, context: BenchContext): Promise<void> {
  const inputs = trieInputs(size.n);
  const picks = proofKeys(inputs, proofSpec.count, proofSpec.stride);
  const built = [await check(cairn, inputs, picks, expected), await check(peer, inputs, picks, expected)];
  const options = { warmup: size.warmup, iterations: size.iters };
  const note = 'peer: @ethereumjs/mpt; keccak: hash-wasm (cairn), @noble/hashes (peer)';
  const figures = async (time: (subject: Subject, index: number) => Promise<number>) => [await time(cairn, 0), await time(peer, 1)];
  const none = () => undefined;

  const insert = await figures((s) => measureSeconds(options, none, () => s.build(inputs)));
  context.emit(makeResult('trie', `trie_insert_${size.label}`, 'ops/s', size.n / insert[0], size.n / insert[1], note));

  const get = await figures((s, k) =>
    measureSeconds(options, none, async () => {
      for (const key of inputs.keys) await s.get(built[k].trie, key);
    }),
  );
  context.emit(makeResult('trie', `trie_get_${size.label}`, 'ops/s', size.n / get[0], size.n / get[1], note));

  const create = await figures((s, k) =>
    measureSeconds(options, none, async () => {
      for (const i of picks) await s.prove(built[k].trie, inputs.keys[i]);
    }),
  );
  context.emit(makeResult('trie', `trie_proof_create_${size.label}`, 'ops/s', picks.length / create[0], picks.length / create[1], note));

  const verify = await figures((s, k) =>
    measureSeconds(options, none, async () => {
      for (const [j, i] of picks.entries()) await s.verify(built[k].trie, built[k].root, inputs.keys[i], built[k].proofs[j]);
    }),
  );
  context.emit(makeResult('trie', `trie_proof_verify_${size.label}`, 'ops/s', picks.length / verify[0], picks.length / verify[1], note));
}
