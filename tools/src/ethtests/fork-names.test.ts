import { Fork } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { forkFromTestName, forkSelected } from './fork-names';

describe('test fork names', () => {
  it('maps the suite names to forks', () => {
    expect(forkFromTestName('EIP150')).toBe(Fork.TangerineWhistle);
    expect(forkFromTestName('ConstantinopleFix')).toBe(Fork.Petersburg);
    expect(forkFromTestName('Prague')).toBeUndefined();
    expect(forkFromTestName('toString')).toBeUndefined();
  });

  it('selects by either spelling', () => {
    expect(forkSelected(undefined, 'Berlin')).toBe(true);
    expect(forkSelected('Istanbul', 'Istanbul')).toBe(true);
    expect(forkSelected('Petersburg', 'ConstantinopleFix')).toBe(true);
    expect(forkSelected('Istanbul', 'Berlin')).toBe(false);
  });
});
