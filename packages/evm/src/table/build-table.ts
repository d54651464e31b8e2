import type { ForkRules } from '@cairn/common';
import { makeCall } from '../call/call-ops';
import { makeCreate } from '../call/create-ops';
import { FrameKind } from '../interpreter/frame';
import { makeBalance, makeExtcodecopy, makeExtcodehash, makeExtcodesize } from '../opcodes/handlers/account-ops';
import { beginBlock, invalid } from '../opcodes/handlers/flow';
import { makeSelfdestruct } from '../opcodes/handlers/selfdestruct';
import { makeSload, makeSstore } from '../opcodes/handlers/storage-ops';
import { Op } from '../opcodes/opcodes';
import type { Enabler } from './edit';
import { enable2 } from './eips/eip2';
import { enable7 } from './eips/eip7';
import { enable140 } from './eips/eip140';
import { enable145 } from './eips/eip145';
import { enable150 } from './eips/eip150';
import { enable160 } from './eips/eip160';
import { enable161 } from './eips/eip161';
import { enable170 } from './eips/eip170';
import { enable211 } from './eips/eip211';
import { enable214 } from './eips/eip214';
import { enable1014 } from './eips/eip1014';
import { enable1052 } from './eips/eip1052';
import { enable1153 } from './eips/eip1153';
import { enable1283 } from './eips/eip1283';
import { enable1344 } from './eips/eip1344';
import { enable1884 } from './eips/eip1884';
import { enable2200 } from './eips/eip2200';
import { enable2929 } from './eips/eip2929';
import { enable3198 } from './eips/eip3198';
import { enable3529 } from './eips/eip3529';
import { enable3541 } from './eips/eip3541';
import { enable3855 } from './eips/eip3855';
import { enable3860 } from './eips/eip3860';
import { enable4399 } from './eips/eip4399';
import { enable4844 } from './eips/eip4844';
import { enable5656 } from './eips/eip5656';
import { enable6780 } from './eips/eip6780';
import { enable7516 } from './eips/eip7516';
import { enable7610 } from './eips/eip7610';
import { frontierBuilder } from './frontier';
import { freezeTable, type InstructionTable, type TableBuilder } from './instruction-table';

/**
 * Every EIP that changes the opcode table, in activation order. A fork's table is Frontier's with
 * the enablers of the EIPs its rules contain applied in this order, so a fork is exactly the
 * previous fork plus its named EIPs (and Petersburg, whose rules drop EIP-1283, simply lacks it).
 */
export const ENABLERS: readonly (readonly [eip: number, enable: Enabler])[] = [
  [2, enable2],
  [7, enable7],
  [150, enable150],
  [160, enable160],
  [161, enable161],
  [170, enable170],
  [140, enable140],
  [211, enable211],
  [214, enable214],
  [145, enable145],
  [1014, enable1014],
  [1052, enable1052],
  [1283, enable1283],
  [1344, enable1344],
  [1884, enable1884],
  [2200, enable2200],
  [2929, enable2929],
  [3198, enable3198],
  [3529, enable3529],
  [3541, enable3541],
  [4399, enable4399],
  [3855, enable3855],
  [3860, enable3860],
  [1153, enable1153],
  [4844, enable4844],
  [5656, enable5656],
  [6780, enable6780],
  [7516, enable7516],
];

/** Builds the handlers of the families described by rule records, for the opcodes the fork has. */
function installFamilies(b: TableBuilder): void {
  const install = (op: number, make: () => NonNullable<TableBuilder['entries'][number]>['handler']) => {
    const entry = b.entries[op];
    if (entry !== undefined && entry.handler === undefined) b.entries[op] = { gas: entry.gas, handler: make() };
  };
  install(0x31, () => makeBalance(b.access));
  install(0x3b, () => makeExtcodesize(b.access));
  install(0x3c, () => makeExtcodecopy(b.access));
  install(0x3f, () => makeExtcodehash(b.access));
  install(0x54, () => makeSload(b.access));
  install(Op.SSTORE, () => makeSstore(b.sstore));
  install(Op.CALL, () => makeCall(FrameKind.Call, b.calls, b.access));
  install(Op.CALLCODE, () => makeCall(FrameKind.CallCode, b.calls, b.access));
  install(Op.DELEGATECALL, () => makeCall(FrameKind.DelegateCall, b.calls, b.access));
  install(Op.STATICCALL, () => makeCall(FrameKind.StaticCall, b.calls, b.access));
  install(Op.CREATE, () => makeCreate(FrameKind.Create, b.create));
  install(Op.CREATE2, () => makeCreate(FrameKind.Create2, b.create));
  install(Op.SELFDESTRUCT, () => makeSelfdestruct(b.selfdestruct, b.access));
}

/**
 * The opcode table for `rules`, with the retroactive EIP-7610 unless `retroactive` is false.
 * Callers cache it per rules object (see `Evm.runtime`).
 */
export function buildTable(rules: ForkRules, retroactive = true): InstructionTable {
  const builder = frontierBuilder();
  if (retroactive) enable7610(builder);
  for (const [eip, enable] of ENABLERS) if (rules.has(eip)) enable(builder);
  installFamilies(builder);
  return freezeTable(rules, builder, invalid, beginBlock);
}
