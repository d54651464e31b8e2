import { add, addmod, div, makeExp, mod, mul, mulmod, sdiv, signextend, smod, sub } from '../opcodes/handlers/arithmetic';
import { and, byte, eq, gt, iszero, lt, not, or, sgt, slt, xor } from '../opcodes/handlers/bitwise';
import * as env from '../opcodes/handlers/environment';
import { invalid, jump, jumpdest, jumpi, ret, stop } from '../opcodes/handlers/flow';
import { makeLog } from '../opcodes/handlers/log';
import { calldatacopy, codecopy, keccak, mload, msize, mstore, mstore8 } from '../opcodes/handlers/memory-ops';
import { makeDup, makeSwap, pop, pushConstant } from '../opcodes/handlers/stack-ops';
import { Op } from '../opcodes/opcodes';
import type { Handler, TableBuilder, TableEntry } from './instruction-table';
import { FRONTIER_CALLS, FRONTIER_CREATE, FRONTIER_SELFDESTRUCT, FRONTIER_SSTORE, NO_ACCESS_TRACKING } from './rules-records';

/** Frontier's opcodes and prices: the base every later fork's table is an edit of. */
export function frontierBuilder(): TableBuilder {
  const entries: (TableEntry | undefined)[] = new Array(256).fill(undefined);
  const set = (op: number, gas: number, handler?: Handler) => {
    entries[op] = { gas, handler };
  };
  set(0x00, 0, stop);
  set(0x01, 3, add);
  set(0x02, 5, mul);
  set(0x03, 3, sub);
  set(0x04, 5, div);
  set(0x05, 5, sdiv);
  set(0x06, 5, mod);
  set(0x07, 5, smod);
  set(0x08, 8, addmod);
  set(0x09, 8, mulmod);
  set(Op.EXP, 10, makeExp(10));
  set(0x0b, 5, signextend);
  set(0x10, 3, lt);
  set(0x11, 3, gt);
  set(0x12, 3, slt);
  set(0x13, 3, sgt);
  set(0x14, 3, eq);
  set(0x15, 3, iszero);
  set(0x16, 3, and);
  set(0x17, 3, or);
  set(0x18, 3, xor);
  set(0x19, 3, not);
  set(0x1a, 3, byte);
  set(Op.KECCAK256, 30, keccak);
  set(0x30, 2, env.address);
  set(0x31, 20); // BALANCE: built from the access rules
  set(0x32, 2, env.origin);
  set(0x33, 2, env.caller);
  set(0x34, 2, env.callvalue);
  set(0x35, 3, env.calldataload);
  set(0x36, 2, env.calldatasize);
  set(0x37, 3, calldatacopy);
  set(0x38, 2, env.codesize);
  set(0x39, 3, codecopy);
  set(0x3a, 2, env.gasprice);
  set(0x3b, 20); // EXTCODESIZE
  set(0x3c, 20); // EXTCODECOPY
  set(0x40, 20, env.blockhash);
  set(0x41, 2, env.coinbase);
  set(0x42, 2, env.timestamp);
  set(0x43, 2, env.number);
  set(0x44, 2, env.difficulty);
  set(0x45, 2, env.gaslimit);
  set(0x50, 2, pop);
  set(0x51, 3, mload);
  set(0x52, 3, mstore);
  set(0x53, 3, mstore8);
  set(0x54, 50); // SLOAD
  set(Op.SSTORE, 0);
  set(Op.JUMP, 8, jump);
  set(Op.JUMPI, 10, jumpi);
  set(Op.PC, 2, pushConstant);
  set(0x59, 2, msize);
  set(Op.GAS, 2, env.gas);
  set(Op.JUMPDEST, 1, jumpdest);
  for (let op = Op.PUSH1; op <= Op.PUSH32; op++) set(op, 3, pushConstant);
  for (let n = 1; n <= 16; n++) {
    set(0x7f + n, 3, makeDup(n));
    set(0x8f + n, 3, makeSwap(n));
  }
  for (let n = 0; n <= 4; n++) set(0xa0 + n, 375 * (n + 1), makeLog(n));
  set(Op.CREATE, 32000);
  set(Op.CALL, 40);
  set(Op.CALLCODE, 40);
  set(Op.RETURN, 0, ret);
  set(Op.INVALID, 0, invalid);
  set(Op.SELFDESTRUCT, 0);
  return {
    entries,
    calls: FRONTIER_CALLS,
    create: FRONTIER_CREATE,
    sstore: FRONTIER_SSTORE,
    selfdestruct: FRONTIER_SELFDESTRUCT,
    access: NO_ACCESS_TRACKING,
    refundQuotient: 2n,
  };
}
