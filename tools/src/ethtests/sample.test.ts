import { describe, expect, it } from 'vitest';
import { sampleFiles } from './sample';

describe('sampleFiles', () => {
  it('takes every nth file of each folder, starting with the first, and leaves out slow files', () => {
    const files = ['A/a1.json', 'A/a2.json', 'A/a3.json', 'A/a4.json', 'B/b1.json', 'B/b2.json', 'GeneralStateTests/stTimeConsuming/CALLBlake2f_MaxRounds.json'];
    expect(sampleFiles(files, 3)).toEqual(['A/a1.json', 'A/a4.json', 'B/b1.json']);
    expect(sampleFiles(files, 1)).toEqual(files.slice(0, 6));
  });
});
