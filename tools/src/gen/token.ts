import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bigintToFixedBytes, bytesToBigInt, concatBytes, hexToBytes, keccak256, padLeft } from '@cairn/common';

/**
 * The minimal ERC-20 of the shared `erc20_transfers` workload (BenchToken.sol, solc 0.8.30):
 * its runtime code, the storage slot of its `balanceOf` mapping (slot 1, found by running its
 * `runTransfers`: slot 0 is the total supply), and the calls the chain generator makes.
 */
export interface Token {
  readonly runtime: Uint8Array;
  /** Init code that deploys `runtime` as it is (a constructor that copies and returns it). */
  readonly initCode: Uint8Array;
}

export const TOKEN_BALANCES_SLOT = 1n;
const TRANSFER_SELECTOR = hexToBytes('0xa9059cbb');

export function loadToken(workloadsDir: string): Token {
  const workload = JSON.parse(readFileSync(join(workloadsDir, 'erc20_transfers.json'), 'utf8')) as { code: string };
  const runtime = hexToBytes(workload.code);
  return { runtime, initCode: deployer(runtime) };
}

/** PUSH2 len, DUP1, PUSH1 12, PUSH1 0, CODECOPY, PUSH1 0, RETURN, then the code (12 bytes of prefix). */
function deployer(runtime: Uint8Array): Uint8Array {
  const len = runtime.length;
  const prefix = Uint8Array.of(0x61, len >> 8, len & 0xff, 0x80, 0x60, 12, 0x60, 0, 0x39, 0x60, 0, 0xf3);
  return concatBytes(prefix, runtime);
}

/** The storage slot of `holder`'s token balance. */
export function balanceSlot(holder: Uint8Array): bigint {
  return bytesToBigInt(keccak256(concatBytes(padLeft(holder, 32), bigintToFixedBytes(TOKEN_BALANCES_SLOT, 32))));
}

/** Call data of `transfer(to, amount)`. */
export function transferCall(to: Uint8Array, amount: bigint): Uint8Array {
  return concatBytes(TRANSFER_SELECTOR, new Uint8Array(12), to, bigintToFixedBytes(amount, 32));
}
