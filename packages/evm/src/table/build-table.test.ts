import { FORKS, Fork, forkName } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { rulesOf } from '../../test/helpers';
import { OPCODES } from '../opcodes/opcodes';
import { buildTable } from './build-table';

describe('per-fork opcode tables', () => {
  it('define exactly the opcodes introduced up to each fork', () => {
    for (const fork of FORKS) {
      const table = buildTable(rulesOf(fork));
      for (let op = 0; op < 256; op++) {
        const info = OPCODES[op];
        const expected = info !== undefined && info.since <= fork;
        expect(table.defined[op] === 1, `${forkName(fork)} ${info?.name ?? op}`).toBe(expected);
      }
    }
  });

  it('reprice opcodes as the EIPs say', () => {
    const gas = (fork: Fork, op: number) => buildTable(rulesOf(fork)).gas[op];
    expect([Fork.Frontier, Fork.TangerineWhistle, Fork.Istanbul, Fork.Berlin].map((f) => gas(f, 0x31))).toEqual([20, 400, 700, 100]); // BALANCE
    expect([Fork.Frontier, Fork.TangerineWhistle, Fork.Istanbul, Fork.Berlin].map((f) => gas(f, 0x54))).toEqual([50, 200, 800, 100]); // SLOAD
    expect([Fork.Frontier, Fork.TangerineWhistle, Fork.Berlin].map((f) => gas(f, 0xf1))).toEqual([40, 700, 100]); // CALL
    expect([Fork.Constantinople, Fork.Istanbul, Fork.Berlin].map((f) => gas(f, 0x3f))).toEqual([400, 700, 100]); // EXTCODEHASH
  });

  it('switch the SSTORE scheme: net metering in Constantinople, legacy again in Petersburg', () => {
    expect(buildTable(rulesOf(Fork.Constantinople)).handlers[0x55]).not.toBe(buildTable(rulesOf(Fork.Petersburg)).handlers[0x55]);
    expect(buildTable(rulesOf(Fork.London)).refundQuotient).toBe(5n);
    expect(buildTable(rulesOf(Fork.Berlin)).refundQuotient).toBe(2n);
  });

  it('ends basic blocks after every opcode that observes the gas left', () => {
    const table = buildTable(rulesOf(Fork.Cancun));
    for (const op of [0x56, 0x57, 0x5a, 0x55, 0xf0, 0xf1, 0xf2, 0xf4, 0xf5, 0xfa, 0x00, 0xf3, 0xfd, 0xfe, 0xff]) expect(table.endsBlock[op]).toBe(1);
    for (const op of [0x01, 0x51, 0x54, 0x5b, 0x60]) expect(table.endsBlock[op]).toBe(0);
  });
});
