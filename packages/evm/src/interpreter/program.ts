import { bytesToBigInt } from '@cairn/common';
import { OPCODES, Op } from '../opcodes/opcodes';
import type { InstructionTable } from '../table/instruction-table';

/** Pseudo-opcode that opens each basic block: it charges the block's constant gas and checks its stack. */
export const BEGIN_BLOCK = 256;

/**
 * Code decoded once for one fork's table and then reused by every frame that runs it (cached per
 * code hash). The byte code becomes a dense instruction stream: PUSH immediates are decoded to
 * bigints in advance, and each basic block starts with a BEGIN_BLOCK instruction that carries the
 * block's summed constant gas and its stack requirements, so the dispatch loop checks gas and
 * stack once per block instead of once per opcode.
 *
 * A basic block ends at a jump, at a terminating or undefined opcode, and after every opcode
 * that observes the exact gas left (GAS, SSTORE's EIP-2200 sentry, the CALL and CREATE
 * families); a JUMPDEST starts a new one. Charging a block's constant gas up front can only move
 * the point at which a frame runs out of gas to an earlier opcode of the same block, and an
 * exceptional halt discards everything the frame did, so the outcome is the same as charging
 * each opcode in turn. (The traced loop, where a tracer sees every step, does charge per opcode.)
 */
export interface Program {
  readonly code: Uint8Array;
  /** The opcode of each instruction (BEGIN_BLOCK for block heads). */
  readonly ops: Uint16Array;
  /** The byte offset (pc) of each instruction; a block head has the pc of the instruction it precedes. */
  readonly pcs: Int32Array;
  /** Immediate values: the pushed value of PUSHn and PUSH0, the pc of PC. */
  readonly consts: bigint[];
  /** For block heads: the block's constant gas, the stack height it needs, and its highest growth. */
  readonly blockGas: Float64Array;
  readonly blockNeed: Int16Array;
  readonly blockGrowth: Int16Array;
  /** Byte offset → instruction index of the block head before a valid JUMPDEST, or -1. */
  readonly jumpTargets: Int32Array;
}

/** Decodes `code` for `table`'s fork. */
export function analyse(code: Uint8Array, table: InstructionTable): Program {
  const n = code.length;
  // At most two instructions per byte (a head and the opcode), plus the implicit STOP and its head.
  const capacity = 2 * n + 2;
  const ops = new Uint16Array(capacity);
  const pcs = new Int32Array(capacity);
  const consts: bigint[] = new Array(capacity);
  const blockGas = new Float64Array(capacity);
  const blockNeed = new Int16Array(capacity);
  const blockGrowth = new Int16Array(capacity);
  const jumpTargets = new Int32Array(n).fill(-1);
  const { gas, defined, endsBlock } = table;

  let count = 0;
  let head = -1; // index of the current block's head, or -1 when no block is open
  let height = 0; // stack height relative to the block's entry
  const openBlock = (pc: number) => {
    head = count;
    ops[count] = BEGIN_BLOCK;
    pcs[count] = pc;
    count++;
    height = 0;
  };

  let pc = 0;
  while (pc < n) {
    const op = code[pc];
    if (op === Op.JUMPDEST && defined[op]) {
      if (head < 0 || head !== count - 1) openBlock(pc);
      jumpTargets[pc] = head;
    } else if (head < 0) {
      openBlock(pc);
    }
    const info = OPCODES[op];
    ops[count] = op;
    pcs[count] = pc;
    let size = 1;
    if (defined[op] && info !== undefined) {
      if (info.immediate > 0) {
        const end = Math.min(pc + 1 + info.immediate, n);
        let value = bytesToBigInt(code.subarray(pc + 1, end));
        // A PUSH cut off by the end of the code reads the missing bytes as zeros.
        value <<= BigInt(8 * (pc + 1 + info.immediate - end));
        consts[count] = value;
        size += info.immediate;
      } else if (op === Op.PUSH0) {
        consts[count] = 0n;
      } else if (op === Op.PC) {
        consts[count] = BigInt(pc);
      }
      blockGas[head] += gas[op];
      const need = info.inputs - height;
      if (need > blockNeed[head]) blockNeed[head] = need;
      height += info.outputs - info.inputs;
      if (height > blockGrowth[head]) blockGrowth[head] = height;
    }
    count++;
    if (!defined[op] || endsBlock[op]) head = -1;
    pc += size;
  }
  // Running off the end of the code is a STOP.
  if (head < 0) openBlock(n);
  ops[count] = Op.STOP;
  pcs[count] = n;
  count++;

  return {
    code,
    ops: ops.subarray(0, count),
    pcs: pcs.subarray(0, count),
    consts,
    blockGas,
    blockNeed,
    blockGrowth,
    jumpTargets,
  };
}
