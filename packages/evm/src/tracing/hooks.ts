/** What a tracer sees before each opcode runs. */
export interface OpcodeStep {
  readonly pc: number;
  readonly op: number;
  /** Gas left before the opcode. */
  readonly gas: bigint;
  /** The opcode's constant gas; its dynamic part shows in the next step's `gas`. */
  readonly cost: number;
  /** Call depth, 0 for the transaction's own frame. */
  readonly depth: number;
  /** The stack, bottom first (a copy). */
  readonly stack: readonly bigint[];
  /** The active memory (a view valid only during the call). */
  readonly memory: Uint8Array;
  /** The return data of the last call this frame made. */
  readonly returnData: Uint8Array;
  /** The account whose code is running (its address). */
  readonly address: Uint8Array;
}

/** The kinds of frame `onEnter` reports. */
export type FrameType = 'CALL' | 'CALLCODE' | 'DELEGATECALL' | 'STATICCALL' | 'CREATE' | 'CREATE2';

export interface FrameEnter {
  readonly depth: number;
  readonly type: FrameType;
  readonly from: Uint8Array;
  readonly to: Uint8Array;
  readonly input: Uint8Array;
  readonly gas: bigint;
  readonly value: bigint;
}

export interface FrameExit {
  readonly depth: number;
  readonly output: Uint8Array;
  readonly gasUsed: bigint;
  /** Whether the frame succeeded; `error` names the failure otherwise (`Revert`, `OutOfGas`, …). */
  readonly success: boolean;
  readonly error: string | undefined;
}

/**
 * Optional tracer callbacks. Every one is optional and the interpreter checks for them once:
 * without `onOpcode` frames run in the untraced loop, so a tracer that is not set costs nothing
 * per instruction. Storage changes are reported by a decorator around the state.
 */
export interface Hooks {
  onOpcode?(step: OpcodeStep): void;
  onEnter?(frame: FrameEnter): void;
  onExit?(frame: FrameExit): void;
  onStorageChange?(address: Uint8Array, slot: bigint, previous: bigint, value: bigint): void;
}
