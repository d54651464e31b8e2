import type { AccessList } from '@cairn/chain';
import { bigintToFixedBytes, bytesToHex, hexToBytes } from '@cairn/common';
import type { Hooks, OpcodeStep } from '@cairn/evm';

const SLOAD = 0x54;
const SSTORE = 0x55;
/** Opcodes whose top stack item is an address they touch. */
const ADDRESS_ON_TOP = new Set([0x31 /* BALANCE */, 0x3b /* EXTCODESIZE */, 0x3c /* EXTCODECOPY */, 0x3f /* EXTCODEHASH */, 0xff /* SELFDESTRUCT */]);
/** Calls, whose second stack item is the callee. */
const CALLS = new Set([0xf1 /* CALL */, 0xf2 /* CALLCODE */, 0xf4 /* DELEGATECALL */, 0xfa /* STATICCALL */]);

/**
 * Records the accounts and storage slots a call touches, as geth's access-list tracer does:
 * slots of SLOAD and SSTORE, and the addresses of BALANCE, EXTCODE*, SELFDESTRUCT and the calls.
 * The sender, the recipient and the precompiles are left out: a transaction has them warm anyway.
 */
export class AccessListTracer {
  readonly #excluded: Set<string>;
  /** Address hex → slot hexes, in the order first touched. */
  readonly #touched = new Map<string, Set<string>>();
  readonly hooks: Hooks;

  constructor(excluded: readonly Uint8Array[]) {
    this.#excluded = new Set(excluded.map(bytesToHex));
    this.hooks = { onOpcode: (step) => this.#step(step) };
  }

  #step(step: OpcodeStep): void {
    const { op, stack } = step;
    const top = stack.length - 1;
    if ((op === SLOAD || op === SSTORE) && top >= 0) this.#add(bytesToHex(step.address), stack[top]);
    else if (ADDRESS_ON_TOP.has(op) && top >= 0) this.#add(addressHex(stack[top]));
    else if (CALLS.has(op) && top >= 1) this.#add(addressHex(stack[top - 1]));
  }

  #add(address: string, slot?: bigint): void {
    if (this.#excluded.has(address)) return;
    let slots = this.#touched.get(address);
    if (slots === undefined) this.#touched.set(address, (slots = new Set()));
    if (slot !== undefined) slots.add(bytesToHex(bigintToFixedBytes(slot, 32)));
  }

  /** What the call touched, as an EIP-2930 access list. */
  accessList(): AccessList {
    return [...this.#touched].map(([address, slots]) => ({ address: hexToBytes(address), storageKeys: [...slots].map(hexToBytes) }));
  }
}

function addressHex(word: bigint): string {
  return bytesToHex(bigintToFixedBytes(word & ((1n << 160n) - 1n), 20));
}
