import { MAX_INITCODE_SIZE } from '@cairn/common';
import type { TableBuilder } from '../instruction-table';

/** EIP-3860 (Shanghai): init code is at most 49152 bytes and costs 2 gas per word. */
export function enable3860(b: TableBuilder): void {
  b.create = { ...b.create, maxInitCodeSize: MAX_INITCODE_SIZE, initCodeWordGas: 2 };
}
