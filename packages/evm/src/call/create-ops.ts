import { createAddress, create2Address, EMPTY_BYTES } from '@cairn/common';
import { Frame, FrameKind } from '../interpreter/frame';
import { affordsRegion, memoryRegion, wordGas } from '../interpreter/memory-gas';
import { accountOrLoad } from '../interpreter/state-access';
import { ENTER, isSuccess, Status, SUSPEND } from '../interpreter/status';
import { wordToBytes } from '../opcodes/words';
import { JournaledState } from '../state/journaled-state';
import type { Handler } from '../table/instruction-table';
import type { CreateRules } from '../table/rules-records';
import { MAX_CALL_DEPTH } from './call-ops';
import { beginCreate } from './creation';
import type { Outcome } from './message-call';

/** EIP-2681: a nonce cannot pass 2^64 - 1. */
export const MAX_NONCE = 2n ** 64n - 1n;

type CreateKind = typeof FrameKind.Create | typeof FrameKind.Create2;

/** The init code in memory as it will be after expansion: past the active size it reads as zeros. */
function peekMemory(f: Frame, offset: bigint, size: bigint): Uint8Array {
  if (size === 0n) return EMPTY_BYTES;
  const start = Number(offset);
  const out = new Uint8Array(Number(size));
  if (start < f.mem.size) out.set(f.mem.buf.subarray(start, Math.min(start + out.length, f.mem.size)));
  return out;
}

/**
 * CREATE and CREATE2. The new address is worked out first and its account loaded (the handler
 * suspends without changes until it is). Then memory and the init-code costs (EIP-3860 words,
 * CREATE2's hashing) are charged, the init code's gas taken (all but one 64th from EIP-150),
 * and a failed depth, balance or nonce check pushes zero and returns that gas. Otherwise the
 * creator's nonce goes up and the creation starts.
 */
export function makeCreate(kind: CreateKind, rules: CreateRules): Handler {
  const isCreate2 = kind === FrameKind.Create2;
  const inputs = isCreate2 ? 4 : 3;
  return (f, i) => {
    if (f.isStatic) return f.halt(Status.StaticStateChange);
    const s = f.stack;
    const top = f.sp - 1;
    const value = s[top];
    const offset = s[top - 1];
    const size = s[top - 2];
    if (rules.maxInitCodeSize !== undefined && size > BigInt(rules.maxInitCodeSize)) return f.halt(Status.InitCodeSizeExceeded);
    // Copying the init code out before charging for it must not allocate memory the frame cannot pay for.
    if (!affordsRegion(f, offset, size)) return f.halt(Status.OutOfGas);
    const initCode = peekMemory(f, offset, size);
    const creator = f.account;
    const hasher = f.ctx.hasher;
    const address = isCreate2
      ? create2Address(creator.addressBytes, wordToBytes(s[top - 3]), hasher(initCode))
      : createAddress(creator.addressBytes, creator.nonce);
    const target = accountOrLoad(f, JournaledState.addressKey(address));
    if (target === undefined) return SUSPEND;

    f.sp = top + 1 - inputs;
    const words = Math.ceil(initCode.length / 32);
    const cost = rules.initCodeWordGas * words + (isCreate2 ? wordGas(6, size) : 0);
    if (memoryRegion(f, offset, size) < 0 || !f.charge(cost)) return f.halt(Status.OutOfGas);
    const gas = rules.calleeGas(f.gasLeft());
    f.spend(gas);
    f.returnData = EMPTY_BYTES;
    if (f.depth >= MAX_CALL_DEPTH || value > creator.balance || creator.nonce >= MAX_NONCE) {
      s[f.sp++] = 0n;
      f.restore(gas);
      return i + 1;
    }
    f.ctx.state.setNonce(creator, creator.nonce + 1n);
    const result = beginCreate(f.ctx, { kind, creator, target, value, initCode, gas, depth: f.depth + 1 });
    if (result instanceof Frame) {
      result.parent = f;
      f.child = result;
      return ENTER;
    }
    completeCreate(f, result, target.address);
    return i + 1;
  };
}

/** Folds a finished creation into its creator: the new address or zero, REVERT data, unused gas. */
export function completeCreate(f: Frame, outcome: Outcome, address: bigint): void {
  f.stack[f.sp++] = isSuccess(outcome.status) ? address : 0n;
  f.returnData = outcome.output;
  f.restore(outcome.gasLeft);
}

