import { Op } from '../../opcodes/opcodes';
import { reprice } from '../edit';
import type { TableBuilder } from '../instruction-table';

/** EIP-2929 prices: a warm access costs 100; a cold account 2600 and a cold slot 2100 in all. */
export const WARM_ACCESS_GAS = 100;
export const COLD_ACCOUNT_GAS = 2600;
export const COLD_SLOT_GAS = 2100;

/**
 * EIP-2929 (Berlin): accounts and slots are cold until first accessed in a transaction. The
 * opcodes' constant gas becomes the warm price and the cold difference is charged on first
 * access; SSTORE pays the full cold slot price, and SELFDESTRUCT the full cold account price.
 */
export function enable2929(b: TableBuilder): void {
  for (const op of [0x31, 0x3b, 0x3c, 0x3f, 0x54, Op.CALL, Op.CALLCODE, Op.DELEGATECALL, Op.STATICCALL]) reprice(b, op, WARM_ACCESS_GAS);
  b.access = { tracked: true, coldAccountExtra: COLD_ACCOUNT_GAS - WARM_ACCESS_GAS, coldSlotExtra: COLD_SLOT_GAS - WARM_ACCESS_GAS };
  b.sstore = { ...b.sstore, noopGas: WARM_ACCESS_GAS, resetGas: 5000 - COLD_SLOT_GAS, coldSlotGas: COLD_SLOT_GAS };
  b.selfdestruct = { ...b.selfdestruct, coldBeneficiaryGas: COLD_ACCOUNT_GAS };
}
