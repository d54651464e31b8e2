import { Op } from '../../opcodes/opcodes';
import { minBigInt } from '../../opcodes/words';
import { reprice } from '../edit';
import type { TableBuilder } from '../instruction-table';

/** All but one 64th of `available` (EIP-150). */
export function allButOne64th(available: bigint): bigint {
  return available - available / 64n;
}

/**
 * EIP-150 (Tangerine Whistle): IO-heavy opcodes repriced, a callee gets at most all but one
 * 64th of the caller's remaining gas (asking for more is no longer an error), and SELFDESTRUCT
 * costs 5000 plus 25000 when it creates its beneficiary.
 */
export function enable150(b: TableBuilder): void {
  reprice(b, 0x31, 400); // BALANCE
  reprice(b, 0x3b, 700); // EXTCODESIZE
  reprice(b, 0x3c, 700); // EXTCODECOPY
  reprice(b, 0x54, 200); // SLOAD
  for (const op of [Op.CALL, Op.CALLCODE, Op.DELEGATECALL]) reprice(b, op, 700);
  reprice(b, Op.SELFDESTRUCT, 5000);
  b.calls = {
    ...b.calls,
    calleeGas: (available, requested) => minBigInt(requested, allButOne64th(available)),
  };
  b.create = { ...b.create, calleeGas: allButOne64th };
  b.selfdestruct = { ...b.selfdestruct, newAccountGas: (beneficiary) => (beneficiary.exists ? 0 : 25000) };
}
