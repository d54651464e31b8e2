import { describe, expect, it } from 'vitest';
import { type CpuProfile, hottestFunctions } from './self-time';

const frame = (functionName: string, url: string, lineNumber: number, columnNumber = 0) => ({ functionName, url, lineNumber, columnNumber });

describe('hottestFunctions', () => {
  // Node 2 and node 4 are the same function reached by two call paths.
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', '', -1) },
      { id: 2, callFrame: frame('step', 'file:///repo/packages/evm/src/loop.ts', 9) },
      { id: 3, callFrame: frame('', 'file:///repo/node_modules/x.js', 0, 4) },
      { id: 5, callFrame: frame('', 'file:///repo/node_modules/x.js', 0, 30) },
      { id: 4, callFrame: frame('step', 'file:///repo/packages/evm/src/loop.ts', 9) },
    ],
    samples: [1, 2, 3, 4, 2, 5],
    timeDeltas: [5000, 1000, 2000, 3000, 4000, 10000],
  };

  it('sums self time per function over its call paths, tells apart functions on one line, and ignores the gap before the first sample', () => {
    const { totalMs, rows } = hottestFunctions(profile);
    expect(totalMs).toBe(20);
    expect(rows.map((row) => [row.name, row.line, row.column, row.selfMs, row.percent])).toEqual([
      ['(anonymous)', 0, 30, 10, 50],
      ['step', 9, 0, 8, 40],
      ['(anonymous)', 0, 4, 2, 10],
      ['(root)', -1, 0, 0, 0],
    ]);
  });

  it('keeps only the functions of matching files, as shares of the whole profile', () => {
    const { rows } = hottestFunctions(profile, 'packages/evm');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'step', percent: 40 });
  });
});
