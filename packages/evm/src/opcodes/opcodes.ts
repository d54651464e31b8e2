import { Fork } from '@cairn/common';

/**
 * Static facts about one opcode, independent of any fork's prices: its mnemonic, immediate bytes,
 * stack inputs and outputs, whether it ends the frame, and the fork that introduced it. Stack
 * checks, basic-block analysis, disassembly and tracer output are all derived from this table.
 */
export interface OpcodeInfo {
  readonly code: number;
  readonly name: string;
  /** Bytes of immediate data that follow the opcode (1..32 for PUSH1..PUSH32). */
  readonly immediate: number;
  readonly inputs: number;
  readonly outputs: number;
  /** Ends the frame (STOP, RETURN, REVERT, SELFDESTRUCT, INVALID). */
  readonly terminates: boolean;
  readonly since: Fork;
}

function info(code: number, name: string, inputs: number, outputs: number, since: Fork = Fork.Frontier, extra: Partial<OpcodeInfo> = {}): OpcodeInfo {
  return { code, name, immediate: 0, inputs, outputs, terminates: false, since, ...extra };
}

const F = Fork;
const rows: OpcodeInfo[] = [
  info(0x00, 'STOP', 0, 0, F.Frontier, { terminates: true }),
  info(0x01, 'ADD', 2, 1),
  info(0x02, 'MUL', 2, 1),
  info(0x03, 'SUB', 2, 1),
  info(0x04, 'DIV', 2, 1),
  info(0x05, 'SDIV', 2, 1),
  info(0x06, 'MOD', 2, 1),
  info(0x07, 'SMOD', 2, 1),
  info(0x08, 'ADDMOD', 3, 1),
  info(0x09, 'MULMOD', 3, 1),
  info(0x0a, 'EXP', 2, 1),
  info(0x0b, 'SIGNEXTEND', 2, 1),
  info(0x10, 'LT', 2, 1),
  info(0x11, 'GT', 2, 1),
  info(0x12, 'SLT', 2, 1),
  info(0x13, 'SGT', 2, 1),
  info(0x14, 'EQ', 2, 1),
  info(0x15, 'ISZERO', 1, 1),
  info(0x16, 'AND', 2, 1),
  info(0x17, 'OR', 2, 1),
  info(0x18, 'XOR', 2, 1),
  info(0x19, 'NOT', 1, 1),
  info(0x1a, 'BYTE', 2, 1),
  info(0x1b, 'SHL', 2, 1, F.Constantinople),
  info(0x1c, 'SHR', 2, 1, F.Constantinople),
  info(0x1d, 'SAR', 2, 1, F.Constantinople),
  info(0x20, 'KECCAK256', 2, 1),
  info(0x30, 'ADDRESS', 0, 1),
  info(0x31, 'BALANCE', 1, 1),
  info(0x32, 'ORIGIN', 0, 1),
  info(0x33, 'CALLER', 0, 1),
  info(0x34, 'CALLVALUE', 0, 1),
  info(0x35, 'CALLDATALOAD', 1, 1),
  info(0x36, 'CALLDATASIZE', 0, 1),
  info(0x37, 'CALLDATACOPY', 3, 0),
  info(0x38, 'CODESIZE', 0, 1),
  info(0x39, 'CODECOPY', 3, 0),
  info(0x3a, 'GASPRICE', 0, 1),
  info(0x3b, 'EXTCODESIZE', 1, 1),
  info(0x3c, 'EXTCODECOPY', 4, 0),
  info(0x3d, 'RETURNDATASIZE', 0, 1, F.Byzantium),
  info(0x3e, 'RETURNDATACOPY', 3, 0, F.Byzantium),
  info(0x3f, 'EXTCODEHASH', 1, 1, F.Constantinople),
  info(0x40, 'BLOCKHASH', 1, 1),
  info(0x41, 'COINBASE', 0, 1),
  info(0x42, 'TIMESTAMP', 0, 1),
  info(0x43, 'NUMBER', 0, 1),
  info(0x44, 'PREVRANDAO', 0, 1),
  info(0x45, 'GASLIMIT', 0, 1),
  info(0x46, 'CHAINID', 0, 1, F.Istanbul),
  info(0x47, 'SELFBALANCE', 0, 1, F.Istanbul),
  info(0x48, 'BASEFEE', 0, 1, F.London),
  info(0x49, 'BLOBHASH', 1, 1, F.Cancun),
  info(0x4a, 'BLOBBASEFEE', 0, 1, F.Cancun),
  info(0x50, 'POP', 1, 0),
  info(0x51, 'MLOAD', 1, 1),
  info(0x52, 'MSTORE', 2, 0),
  info(0x53, 'MSTORE8', 2, 0),
  info(0x54, 'SLOAD', 1, 1),
  info(0x55, 'SSTORE', 2, 0),
  info(0x56, 'JUMP', 1, 0),
  info(0x57, 'JUMPI', 2, 0),
  info(0x58, 'PC', 0, 1),
  info(0x59, 'MSIZE', 0, 1),
  info(0x5a, 'GAS', 0, 1),
  info(0x5b, 'JUMPDEST', 0, 0),
  info(0x5c, 'TLOAD', 1, 1, F.Cancun),
  info(0x5d, 'TSTORE', 2, 0, F.Cancun),
  info(0x5e, 'MCOPY', 3, 0, F.Cancun),
  info(0x5f, 'PUSH0', 0, 1, F.Shanghai),
  ...Array.from({ length: 32 }, (_, n) => info(0x60 + n, `PUSH${n + 1}`, 0, 1, F.Frontier, { immediate: n + 1 })),
  ...Array.from({ length: 16 }, (_, n) => info(0x80 + n, `DUP${n + 1}`, n + 1, n + 2)),
  ...Array.from({ length: 16 }, (_, n) => info(0x90 + n, `SWAP${n + 1}`, n + 2, n + 2)),
  ...Array.from({ length: 5 }, (_, n) => info(0xa0 + n, `LOG${n}`, n + 2, 0)),
  info(0xf0, 'CREATE', 3, 1),
  info(0xf1, 'CALL', 7, 1),
  info(0xf2, 'CALLCODE', 7, 1),
  info(0xf3, 'RETURN', 2, 0, F.Frontier, { terminates: true }),
  info(0xf4, 'DELEGATECALL', 6, 1, F.Homestead),
  info(0xf5, 'CREATE2', 4, 1, F.Constantinople),
  info(0xfa, 'STATICCALL', 6, 1, F.Byzantium),
  info(0xfd, 'REVERT', 2, 0, F.Byzantium, { terminates: true }),
  info(0xfe, 'INVALID', 0, 0, F.Frontier, { terminates: true }),
  info(0xff, 'SELFDESTRUCT', 1, 0, F.Frontier, { terminates: true }),
];

/** Every opcode any fork defines, indexed by its byte; `undefined` for bytes no fork uses. */
export const OPCODES: readonly (OpcodeInfo | undefined)[] = (() => {
  const table: (OpcodeInfo | undefined)[] = new Array(256).fill(undefined);
  for (const row of rows) table[row.code] = Object.freeze(row);
  return Object.freeze(table);
})();

/** The mnemonic of an opcode byte, or `0x..` for a byte no fork defines. */
export function opcodeName(code: number): string {
  return OPCODES[code]?.name ?? `0x${code.toString(16).padStart(2, '0')}`;
}

/** Opcode bytes the interpreter refers to by name. */
export const Op = {
  STOP: 0x00,
  EXP: 0x0a,
  KECCAK256: 0x20,
  JUMP: 0x56,
  JUMPI: 0x57,
  PC: 0x58,
  GAS: 0x5a,
  JUMPDEST: 0x5b,
  PUSH0: 0x5f,
  PUSH1: 0x60,
  PUSH32: 0x7f,
  SSTORE: 0x55,
  CREATE: 0xf0,
  CALL: 0xf1,
  CALLCODE: 0xf2,
  RETURN: 0xf3,
  DELEGATECALL: 0xf4,
  CREATE2: 0xf5,
  STATICCALL: 0xfa,
  REVERT: 0xfd,
  INVALID: 0xfe,
  SELFDESTRUCT: 0xff,
} as const;
