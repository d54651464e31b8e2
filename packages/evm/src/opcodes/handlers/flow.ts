import { EMPTY_BYTES } from '@cairn/common';
import type { Frame } from '../../interpreter/frame';
import { memoryRegion } from '../../interpreter/memory-gas';
import { Status } from '../../interpreter/status';
import type { Handler } from '../../table/instruction-table';

/** The head of a basic block: its constant gas and stack bounds, checked once for the block. */
export const beginBlock: Handler = (f, i) => {
  const p = f.prog;
  if ((f.gas -= p.blockGas[i]) < 0 && !f.refill()) return f.halt(Status.OutOfGas);
  const sp = f.sp;
  if (sp < p.blockNeed[i]) return f.halt(Status.StackUnderflow);
  if (sp + p.blockGrowth[i] > 1024) return f.halt(Status.StackOverflow);
  return i + 1;
};

function jumpTarget(f: Frame, destination: bigint): number {
  const targets = f.prog.jumpTargets;
  return destination < BigInt(targets.length) ? targets[Number(destination)] : -1;
}

export const jump: Handler = (f) => {
  const target = jumpTarget(f, f.stack[--f.sp]);
  return target < 0 ? f.halt(Status.InvalidJump) : target;
};

export const jumpi: Handler = (f, i) => {
  const s = f.stack;
  const sp = (f.sp -= 2);
  if (s[sp] === 0n) return i + 1;
  const target = jumpTarget(f, s[sp + 1]);
  return target < 0 ? f.halt(Status.InvalidJump) : target;
};

export const jumpdest: Handler = (_f, i) => i + 1;

export const stop: Handler = (f) => f.halt(Status.Stop);

/** INVALID (0xFE) and every undefined opcode. */
export const invalid: Handler = (f) => f.halt(Status.InvalidOpcode);

function returnData(f: Frame, status: number): number {
  const s = f.stack;
  const sp = (f.sp -= 2);
  const size = s[sp];
  const offset = memoryRegion(f, s[sp + 1], size);
  if (offset < 0) return f.halt(Status.OutOfGas);
  f.output = size === 0n ? EMPTY_BYTES : f.mem.read(offset, Number(size));
  return f.halt(status);
}

export const ret: Handler = (f) => returnData(f, Status.Return);

/** REVERT (EIP-140): ends the frame, undoing its changes but keeping its gas and output. */
export const revert: Handler = (f) => returnData(f, Status.Revert);
