import type { ForkRules } from '@cairn/common';
import type { Frame } from '../interpreter/frame';
import { BEGIN_BLOCK } from '../interpreter/program';
import { OPCODES, Op } from '../opcodes/opcodes';
import type { AccessCosts, CallRules, CreateRules, SelfdestructRules, SstoreRules } from './rules-records';

/**
 * An opcode's implementation: runs the instruction at index `i` of `f.prog` and returns the index
 * of the next one, or one of the negative codes HALT, SUSPEND or ENTER.
 */
export type Handler = (f: Frame, i: number) => number;

/**
 * One row of a table under construction: constant gas and the handler. The handler is absent for
 * the opcode families built from rule records at the end (see `TableBuilder`).
 */
export interface TableEntry {
  readonly gas: number;
  readonly handler?: Handler;
}

/**
 * The opcode table of one fork, built once from its `ForkRules`: a dense array of 257 handlers
 * (256 opcodes and the BEGIN_BLOCK pseudo-opcode), each opcode's constant gas, and which opcodes
 * are defined and which end a basic block.
 */
export interface InstructionTable {
  readonly rules: ForkRules;
  readonly handlers: readonly Handler[];
  readonly gas: Float64Array;
  readonly defined: Uint8Array;
  readonly endsBlock: Uint8Array;
  /** Refund cap divisor: gas used / 2, or / 5 from EIP-3529. */
  readonly refundQuotient: bigint;
  readonly calls: CallRules;
  readonly create: CreateRules;
  readonly access: AccessCosts;
  readonly selfdestruct: SelfdestructRules;
}

/**
 * A table under construction. Simple opcodes are set directly; the families whose behaviour
 * several EIPs adjust (calls, creates, SSTORE, SELFDESTRUCT, account access) are described by
 * rule records that each enabler edits, and are turned into handlers once, in `build`.
 */
export interface TableBuilder {
  readonly entries: (TableEntry | undefined)[];
  calls: CallRules;
  create: CreateRules;
  sstore: SstoreRules;
  selfdestruct: SelfdestructRules;
  access: AccessCosts;
  refundQuotient: bigint;
}

/** Ops whose handler must see the exact gas left, so a basic block ends after them. */
const GAS_OBSERVING = [Op.GAS, Op.SSTORE, Op.CALL, Op.CALLCODE, Op.DELEGATECALL, Op.STATICCALL, Op.CREATE, Op.CREATE2];

/**
 * Freezes a builder into a table and checks it: every defined opcode has metadata in OPCODES and
 * a handler, and undefined bytes get the invalid-opcode handler.
 */
export function freezeTable(rules: ForkRules, builder: TableBuilder, invalid: Handler, beginBlock: Handler): InstructionTable {
  const handlers: Handler[] = new Array(257);
  const gas = new Float64Array(256);
  const defined = new Uint8Array(256);
  const endsBlock = new Uint8Array(256);
  for (let op = 0; op < 256; op++) {
    const entry = builder.entries[op];
    const info = OPCODES[op];
    if (entry === undefined) {
      handlers[op] = invalid;
      continue;
    }
    if (info === undefined) throw new Error(`table for ${rules}: opcode 0x${op.toString(16)} has a handler but no metadata`);
    if (typeof entry.handler !== 'function' || !Number.isFinite(entry.gas) || entry.gas < 0) {
      throw new Error(`table for ${rules}: ${info.name} lacks a handler or a valid gas cost`);
    }
    handlers[op] = entry.handler as Handler;
    gas[op] = entry.gas;
    defined[op] = 1;
    if (info.terminates || op === Op.JUMP || op === Op.JUMPI || GAS_OBSERVING.includes(op as (typeof GAS_OBSERVING)[number])) endsBlock[op] = 1;
  }
  handlers[BEGIN_BLOCK] = beginBlock;
  return Object.freeze({
    rules,
    handlers,
    gas,
    defined,
    endsBlock,
    refundQuotient: builder.refundQuotient,
    calls: builder.calls,
    create: builder.create,
    access: builder.access,
    selfdestruct: builder.selfdestruct,
  });
}
