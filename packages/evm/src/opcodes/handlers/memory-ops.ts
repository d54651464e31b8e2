import type { Frame } from '../../interpreter/frame';
import { expandMemory, memoryRegion, wordGas } from '../../interpreter/memory-gas';
import { Status } from '../../interpreter/status';
import type { Handler } from '../../table/instruction-table';
import { loadWord, maxBigInt, storeWord } from '../words';

const FAST_LIMIT = 0x1_0000_0000n;

/** `offset` as a number once `length` bytes there are paid for, or -1 when the frame cannot pay. */
function fixedRegion(f: Frame, offset: bigint, length: number): number {
  if (offset >= FAST_LIMIT) return -1;
  const o = Number(offset);
  return o + length <= f.mem.size || expandMemory(f, o + length) ? o : -1;
}

export const mload: Handler = (f, i) => {
  const s = f.stack;
  const sp = f.sp - 1;
  const o = fixedRegion(f, s[sp], 32);
  if (o < 0) return f.halt(Status.OutOfGas);
  s[sp] = loadWord(f.mem.view, o);
  return i + 1;
};

export const mstore: Handler = (f, i) => {
  const s = f.stack;
  const sp = (f.sp -= 2);
  const o = fixedRegion(f, s[sp + 1], 32);
  if (o < 0) return f.halt(Status.OutOfGas);
  storeWord(f.mem.view, o, s[sp]);
  return i + 1;
};

export const mstore8: Handler = (f, i) => {
  const s = f.stack;
  const sp = (f.sp -= 2);
  const o = fixedRegion(f, s[sp + 1], 1);
  if (o < 0) return f.halt(Status.OutOfGas);
  f.mem.buf[o] = Number(s[sp] & 0xffn);
  return i + 1;
};

export const msize: Handler = (f, i) => {
  f.stack[f.sp++] = BigInt(f.mem.size);
  return i + 1;
};

/** KECCAK256: 30 + 6 per word, through the context's pluggable hasher. */
export const keccak: Handler = (f, i) => {
  const s = f.stack;
  const sp = --f.sp;
  const size = s[sp - 1];
  const offset = memoryRegion(f, s[sp], size);
  if (offset < 0 || !f.charge(wordGas(6, size))) return f.halt(Status.OutOfGas);
  const digest = f.ctx.hasher(f.mem.buf.subarray(offset, offset + Number(size)));
  s[sp - 1] = loadWord(new DataView(digest.buffer, digest.byteOffset, 32), 0);
  return i + 1;
};

/** Pops (memory offset, source offset, size) and charges memory and 3 gas per copied word. */
function copyArgs(f: Frame): { dest: number; source: bigint; size: number } | undefined {
  const s = f.stack;
  const sp = (f.sp -= 3);
  const size = s[sp];
  const dest = memoryRegion(f, s[sp + 2], size);
  if (dest < 0 || !f.charge(wordGas(3, size))) return undefined;
  return { dest, source: s[sp + 1], size: Number(size) };
}

export const calldatacopy: Handler = (f, i) => {
  const args = copyArgs(f);
  if (args === undefined) return f.halt(Status.OutOfGas);
  if (args.size > 0) f.mem.writePadded(args.dest, f.data, args.source, args.size);
  return i + 1;
};

export const codecopy: Handler = (f, i) => {
  const args = copyArgs(f);
  if (args === undefined) return f.halt(Status.OutOfGas);
  if (args.size > 0) f.mem.writePadded(args.dest, f.prog.code, args.source, args.size);
  return i + 1;
};

/** RETURNDATACOPY (EIP-211): reading past the end of the return data is an exceptional halt. */
export const returndatacopy: Handler = (f, i) => {
  const s = f.stack;
  const source = s[f.sp - 2];
  const size = s[f.sp - 3];
  if (source + size > BigInt(f.returnData.length)) {
    f.sp -= 3;
    return f.halt(Status.ReturnDataOutOfBounds);
  }
  const args = copyArgs(f);
  if (args === undefined) return f.halt(Status.OutOfGas);
  if (args.size > 0) f.mem.buf.set(f.returnData.subarray(Number(source), Number(source) + args.size), args.dest);
  return i + 1;
};

/** MCOPY (EIP-5656): memory to memory, overlapping regions allowed. */
export const mcopy: Handler = (f, i) => {
  const s = f.stack;
  const sp = (f.sp -= 3);
  const size = s[sp];
  if (size === 0n) return i + 1;
  const destination = s[sp + 2];
  const source = s[sp + 1];
  // The higher of the two regions decides the expansion.
  const far = maxBigInt(destination, source);
  if (memoryRegion(f, far, size) < 0 || !f.charge(wordGas(3, size))) return f.halt(Status.OutOfGas);
  const from = Number(source);
  f.mem.buf.copyWithin(Number(destination), from, from + Number(size));
  return i + 1;
};
