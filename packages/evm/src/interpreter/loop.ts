import { OPCODES } from '../opcodes/opcodes';
import type { OpcodeStep } from '../tracing/hooks';
import type { Frame } from './frame';
import { BEGIN_BLOCK } from './program';
import { Status, SUSPEND } from './status';

/**
 * The untraced dispatch loop: one indexed load and one call per instruction. Gas and stack are
 * checked by the BEGIN_BLOCK instructions, once per basic block. Returns HALT, SUSPEND or ENTER,
 * with the instruction it stopped at in `f.resumeAt`.
 */
export function runFast(f: Frame, start: number): number {
  const ops = f.prog.ops;
  const handlers = f.ctx.table.handlers;
  let i = start;
  let next: number;
  while ((next = handlers[ops[i]](f, i)) >= 0) i = next;
  f.resumeAt = i;
  return next;
}

/**
 * The traced loop: the same handlers, but gas and stack are checked and charged per opcode so
 * that the tracer sees each step exactly as the Yellow Paper defines it, and `onOpcode` is called
 * before every opcode. A handler that suspends runs again without a second step or charge.
 */
export function runTraced(f: Frame, start: number, onOpcode: (step: OpcodeStep) => void): number {
  const { ops, pcs } = f.prog;
  const { handlers, gas, defined } = f.ctx.table;
  let i = start;
  for (;;) {
    const op = ops[i];
    if (op === BEGIN_BLOCK) {
      i++;
      continue;
    }
    if (f.stepped !== i) {
      f.stepped = i;
      const cost = gas[op];
      onOpcode({
        pc: pcs[i],
        op,
        gas: f.gasLeft(),
        cost,
        depth: f.depth,
        stack: f.stack.slice(0, f.sp),
        memory: f.mem.buf.subarray(0, f.mem.size),
        returnData: f.returnData,
        address: f.account.addressBytes,
      });
      const info = OPCODES[op];
      let status: number = Status.Running;
      if (defined[op] && info !== undefined) {
        if (f.sp < info.inputs) status = Status.StackUnderflow;
        else if (f.sp - info.inputs + info.outputs > 1024) status = Status.StackOverflow;
        else if (!f.charge(cost)) status = Status.OutOfGas;
      }
      if (status !== Status.Running) {
        f.resumeAt = i;
        return f.halt(status);
      }
    }
    const next = handlers[op](f, i);
    if (next < 0) {
      f.resumeAt = i;
      if (next !== SUSPEND) f.stepped = -1;
      return next;
    }
    i = next;
  }
}
