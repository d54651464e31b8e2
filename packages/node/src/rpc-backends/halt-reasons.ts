/**
 * The EVM's names for an exceptional halt, as the messages geth answers eth_call with (tools
 * match these texts). A status not listed keeps its own name.
 */
const REASONS: Readonly<Record<string, string>> = {
  OutOfGas: 'out of gas',
  StackUnderflow: 'stack underflow',
  StackOverflow: 'stack limit reached 1024',
  InvalidJump: 'invalid jump destination',
  InvalidOpcode: 'invalid opcode',
  StaticStateChange: 'write protection',
  ReturnDataOutOfBounds: 'return data out of bounds',
  CodeSizeExceeded: 'max code size exceeded',
  InvalidCodePrefix: 'invalid code: must not begin with 0xef',
  InitCodeSizeExceeded: 'max initcode size exceeded',
  CreateCollision: 'contract address collision',
  PrecompileFailure: 'precompiled contract failed',
  CodeStoreOutOfGas: 'contract creation code storage out of gas',
};

export function haltReason(status: string): string {
  return REASONS[status] ?? status;
}
