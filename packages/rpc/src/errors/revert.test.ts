import { hexToBytes } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { decodeRevertReason, ExecutionRevertedError } from './revert';

// Error(string) with "Not enough Ether provided." as Solidity encodes it.
const ERROR_STRING =
  '0x08c379a0' +
  '0000000000000000000000000000000000000000000000000000000000000020' +
  '000000000000000000000000000000000000000000000000000000000000001a' +
  '4e6f7420656e6f7567682045746865722070726f76696465642e000000000000';

describe('revert data', () => {
  it('decodes Error(string)', () => {
    expect(decodeRevertReason(hexToBytes(ERROR_STRING))).toBe('Not enough Ether provided.');
    const error = new ExecutionRevertedError(hexToBytes(ERROR_STRING));
    expect(error.toJSON()).toEqual({ code: 3, message: 'execution reverted: Not enough Ether provided.', data: ERROR_STRING });
  });

  it('decodes Panic(uint256)', () => {
    const panic = `0x4e487b71${'0'.repeat(62)}11`;
    expect(decodeRevertReason(hexToBytes(panic))).toBe('arithmetic underflow or overflow');
    expect(decodeRevertReason(hexToBytes(`0x4e487b71${'0'.repeat(62)}99`))).toBe('unknown panic code 0x99');
  });

  it('leaves custom errors and malformed data to the raw bytes', () => {
    expect(decodeRevertReason(hexToBytes('0x12345678'))).toBeUndefined();
    expect(decodeRevertReason(hexToBytes(ERROR_STRING.slice(0, 80)))).toBeUndefined();
    expect(decodeRevertReason(new Uint8Array())).toBeUndefined();
    expect(new ExecutionRevertedError(new Uint8Array()).toJSON()).toEqual({ code: 3, message: 'execution reverted', data: '0x' });
  });
});
