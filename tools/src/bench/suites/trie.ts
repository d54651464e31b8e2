import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchSuite } from '../suite';
import { runRlpWorkloads } from './rlp-workloads';

export const trieBench: BenchSuite = {
  name: 'trie',
  description: 'Merkle Patricia trie and RLP workloads of trie.json, against @ethereumjs/mpt and @ethereumjs/rlp',
  async run(context) {
    const spec = JSON.parse(readFileSync(join(context.workloadsDir, 'trie.json'), 'utf8'));
    await runRlpWorkloads(spec.rlp, context);
  },
};
