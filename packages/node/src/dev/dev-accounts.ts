import { privateKeyToAddress } from '@cairn/common';
import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync, validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';

/** The mnemonic that development tools (Hardhat, Foundry, Ganache) share for their test accounts. */
export const DEV_MNEMONIC = 'test test test test test test test test test test test junk';

export interface DevAccount {
  readonly index: number;
  readonly address: Uint8Array;
  readonly privateKey: Uint8Array;
}

/** The first `count` accounts of a BIP-39 mnemonic on the BIP-44 Ethereum path m/44'/60'/0'/0/i. */
export function deriveAccounts(mnemonic: string, count: number): DevAccount[] {
  if (!validateMnemonic(mnemonic, wordlist)) throw new Error('invalid BIP-39 mnemonic');
  const root = HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic));
  return Array.from({ length: count }, (_, index) => {
    const privateKey = root.derive(`m/44'/60'/0'/0/${index}`).privateKey;
    if (!privateKey) throw new Error(`no private key at index ${index}`);
    return { index, address: privateKeyToAddress(privateKey), privateKey };
  });
}
