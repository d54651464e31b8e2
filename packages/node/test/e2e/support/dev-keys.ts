import { bytesToHex } from '@cairn/common';
import type { Hex } from 'viem';
import { DEV_MNEMONIC, deriveAccounts } from '../../../src/dev/dev-accounts';

/** The private keys of the dev network's ten funded accounts. */
export const DEV_KEYS: readonly Hex[] = deriveAccounts(DEV_MNEMONIC, 10).map((account) => bytesToHex(account.privateKey) as Hex);
