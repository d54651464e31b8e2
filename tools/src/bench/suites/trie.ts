import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchSuite } from '../suite';
import { runRlpWorkloads } from './rlp-workloads';
import { runTrieWorkloads } from './trie-workloads';

export const trieBench: BenchSuite = {
  name: 'trie',
  description: 'Merkle Patricia trie and RLP workloads of trie.json, against @ethereumjs/mpt and @ethereumjs/rlp',
  async run(context) {
    const spec = JSON.parse(readFileSync(join(context.workloadsDir, 'trie.json'), 'utf8'));
    for (const size of spec.sizes) {
      context.log(`trie workloads, ${size.label} keys`);
      await runTrieWorkloads(size, spec.proofs, spec.expected[String(size.n)], context);
    }
    await runRlpWorkloads(spec.rlp, context);
  },
};
