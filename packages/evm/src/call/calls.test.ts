import { bytesToBigInt, bytesToHex, create2Address, createAddress, Fork, hexToBytes, keccak256 } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { CALLER, CONTRACT, code, push, RETURN_TOP, run } from '../../test/helpers';
import type { MemoryState } from '../state/memory-state';

const OTHER = hexToBytes('0x00000000000000000000000000000000000000f0');
const other = (runtime: Uint8Array, balance = 0n) => (reader: MemoryState) => reader.setAccount(OTHER, { code: runtime, balance });

/** A call of OTHER with 1M gas, no input and 32 bytes of output at 0, leaving the success flag. */
function callOther(kind: 'f1' | 'f2' | 'f4' | 'fa', value = 0n): string {
  const valueArg = kind === 'f1' || kind === 'f2' ? push(value) : '';
  // Pushed last to first: out size, out offset, in size, in offset, [value], address, gas.
  return `6020600060006000${valueArg}73${bytesToHex(OTHER).slice(2)}620f4240${kind}`;
}

describe('message calls', () => {
  it('returns the callee output into memory and RETURNDATA', async () => {
    // Callee returns 0x2a; caller CALLs it, then RETURNDATASIZE and the copied word.
    const callee = code(push(42n), RETURN_TOP);
    const caller = code(callOther('f1'), '50', '3d', '6000', '51', '01', RETURN_TOP); // pop flag; size + word
    const result = await run(Fork.Cancun, caller, { setup: other(callee) });
    expect(bytesToBigInt(result.output)).toBe(42n + 32n);
  });

  it('undoes a reverted callee but keeps its output and unused gas', async () => {
    const callee = code('6001600055', push(7n), '60005260206000fd'); // SSTORE(0, 1) then REVERT with 7
    const caller = code(callOther('f1'), RETURN_TOP);
    const result = await run(Fork.Cancun, caller, { setup: other(callee) });
    expect(bytesToBigInt(result.output)).toBe(0n);
    expect(result.gasUsed).toBeLessThan(100_000n);
    expect(result.state.get(bytesToBigInt(OTHER))?.storage.get(0n)).toBe(0n);
  });

  it('passes all but one 64th of the gas from Tangerine Whistle on', async () => {
    const callee = code('5a', RETURN_TOP); // returns GAS
    const caller = code('6020600060006000600073', bytesToHex(OTHER).slice(2), '5a', 'f1', '50', '600051', RETURN_TOP);
    const result = await run(Fork.Istanbul, caller, { setup: other(callee), gas: 100_000n });
    const before = 100_000n - 5n * 3n - 3n - 2n; // five PUSH1, PUSH20, GAS
    const available = before - 700n - 3n; // CALL's base cost and one word of output memory
    expect(bytesToBigInt(result.output)).toBe(available - available / 64n - 2n); // the callee's GAS costs 2
  });

  it('refuses state changes in a static call', async () => {
    const callee = code('6001600055', '00');
    const caller = code(callOther('fa'), RETURN_TOP);
    const result = await run(Fork.Cancun, caller, { setup: other(callee) });
    expect(bytesToBigInt(result.output)).toBe(0n);
  });

  it('runs DELEGATECALL code on the caller’s storage with the caller’s CALLER', async () => {
    const callee = code('33', '600055', '00'); // SSTORE(0, CALLER)
    const caller = code(callOther('f4'), '50', '00');
    const result = await run(Fork.Cancun, caller, { setup: other(callee) });
    expect(result.state.get(bytesToBigInt(CONTRACT))?.storage.get(0n)).toBe(bytesToBigInt(CALLER));
  });

  it('moves value and gives the callee the 2300 stipend', async () => {
    const callee = code('5a', RETURN_TOP);
    const caller = code(callOther('f1', 5n), '50', '600051', RETURN_TOP);
    const result = await run(Fork.Cancun, caller, { setup: other(callee), value: 10n });
    expect(result.state.get(bytesToBigInt(OTHER))?.balance).toBe(5n);
    expect(bytesToBigInt(result.output)).toBeGreaterThan(2300n);
  });
});

describe('creation', () => {
  // Init code that deploys the one-byte runtime 0x00: MSTORE8(0, 0) is implicit; RETURN(0, 1).
  const init = '60016000f3';
  const createArgs = (opcode: string) => `${push(BigInt(`0x${init}`) << BigInt(8 * (32 - init.length / 2)))}600052600560006000${opcode}`;

  it('CREATE deploys at the address of the creator and its nonce', async () => {
    const result = await run(Fork.Cancun, code(createArgs('f0'), RETURN_TOP));
    expect(bytesToHex(result.output.subarray(12))).toBe(bytesToHex(createAddress(CONTRACT, 0n)));
  });

  it('CREATE2 deploys at the salted address', async () => {
    const args = `${push(BigInt(`0x${init}`) << BigInt(8 * (32 - init.length / 2)))}600052${push(9n)}600560006000f5`;
    const result = await run(Fork.Cancun, code(args, RETURN_TOP));
    const salt = new Uint8Array(32);
    salt[31] = 9;
    expect(bytesToHex(result.output.subarray(12))).toBe(bytesToHex(create2Address(CONTRACT, salt, keccak256(hexToBytes(`0x${init}`)))));
  });

  it('rejects code starting with 0xEF from London on', async () => {
    const ef = '60ef60005360016000f3'; // MSTORE8(0, 0xef); RETURN(0, 1)
    const args = `${push(BigInt(`0x${ef}`) << BigInt(8 * (32 - ef.length / 2)))}600052600a60006000f0`;
    expect(bytesToBigInt((await run(Fork.Berlin, code(args, RETURN_TOP))).output)).not.toBe(0n);
    expect(bytesToBigInt((await run(Fork.London, code(args, RETURN_TOP))).output)).toBe(0n);
  });
});
