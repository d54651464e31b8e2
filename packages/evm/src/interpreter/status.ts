/**
 * How a frame ended. `Stop` and `Return` are success, `Revert` returns its remaining gas, and
 * every other status is an exceptional halt that consumes all the frame's gas.
 */
export const Status = {
  Running: 0,
  Stop: 1,
  Return: 2,
  Revert: 3,
  OutOfGas: 4,
  StackUnderflow: 5,
  StackOverflow: 6,
  InvalidJump: 7,
  InvalidOpcode: 8,
  StaticStateChange: 9,
  ReturnDataOutOfBounds: 10,
  CodeSizeExceeded: 11,
  InvalidCodePrefix: 12,
  InitCodeSizeExceeded: 13,
  CreateCollision: 14,
  PrecompileFailure: 15,
  CodeStoreOutOfGas: 16,
} as const;
export type Status = (typeof Status)[keyof typeof Status];

const NAMES: Record<number, string> = Object.fromEntries(Object.entries(Status).map(([name, value]) => [value, name]));

export function statusName(status: number): string {
  return NAMES[status] ?? `status ${status}`;
}

export function isSuccess(status: number): boolean {
  return status === Status.Stop || status === Status.Return;
}

/** Handler results other than the next instruction index. */
export const HALT = -1;
/** The handler needs state that is not loaded yet: the driver awaits `frame.pending`, then re-runs it. */
export const SUSPEND = -2;
/** The handler started a call or create: the driver runs `frame.child`, then resumes at `frame.resumeAt`. */
export const ENTER = -3;
