import { bytesToHex, Fork, hexToBytes } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { code, push, run } from '../../test/helpers';
import { StructLogTracer } from './struct-log';

const OTHER = hexToBytes('0x00000000000000000000000000000000000000f0');

describe('StructLogTracer', () => {
  it('records every step with its pc, cost, depth and stack, and storage writes', async () => {
    const tracer = new StructLogTracer();
    const program = code('6001', '6002', '01', '600055', '00'); // 1 + 2, SSTORE at 0
    const traced = await run(Fork.Cancun, program, { hooks: tracer.hooks });
    const plain = await run(Fork.Cancun, program);
    expect(traced.gasUsed).toBe(plain.gasUsed);
    expect(tracer.logs.map((l) => [l.pc, l.op, l.gasCost, l.depth])).toEqual([
      [0, 'PUSH1', 3n, 1],
      [2, 'PUSH1', 3n, 1],
      [4, 'ADD', 3n, 1],
      [5, 'PUSH1', 3n, 1],
      [7, 'SSTORE', 22100n, 1],
      [8, 'STOP', 0n, 1],
    ]);
    expect(tracer.logs[2].stack).toEqual([1n, 2n]);
    expect(tracer.logs[4].storage).toEqual(new Map([[0n, 3n]]));
  });

  it('follows calls into deeper frames and stops a failing frame where it failed', async () => {
    const tracer = new StructLogTracer();
    const callee = code('60016001', '56'); // jump to 1: invalid
    const program = code(`6000600060006000600073${bytesToHex(OTHER).slice(2)}61fffff1`, '00');
    const result = await run(Fork.Cancun, program, { hooks: tracer.hooks, setup: (r) => r.setAccount(OTHER, { code: callee }) });
    expect(result.status).toBe('Stop');
    const depths = tracer.logs.map((l) => `${l.depth}:${l.op}`);
    expect(depths).toContain('2:JUMP');
    expect(depths.at(-1)).toBe('1:STOP');
    const jump = tracer.logs.find((l) => l.op === 'JUMP');
    expect(jump?.gasCost).toBe(jump?.gas); // an invalid jump consumes the rest of the callee's gas
  });

  it('shows the same steps as the untraced loop for memory and calls', async () => {
    const tracer = new StructLogTracer({ memory: true });
    await run(Fork.Cancun, code(push(5n), '600052', '00'), { hooks: tracer.hooks });
    expect(tracer.logs[2].op).toBe('MSTORE');
    expect(tracer.logs[2].gasCost).toBe(6n); // 3 + one word of memory
    expect(tracer.logs[3].memory?.[31]).toBe(5);
  });
});
