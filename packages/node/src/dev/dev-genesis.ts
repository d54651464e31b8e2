import { bytesToHex, type Genesis, parseGenesis } from '@cairn/common';
import type { DevAccount } from './dev-accounts';

/** The development chain's id, as local tools (Hardhat, Foundry) use. */
export const DEV_CHAIN_ID = 1337;
/** Ether each development account starts with. */
export const DEV_ACCOUNT_BALANCE = 10_000n * 10n ** 18n;
export const DEV_GAS_LIMIT = 30_000_000n;
/** The first block's base fee (EIP-1559's initial value). */
export const DEV_INITIAL_BASE_FEE = 1_000_000_000n;

/**
 * EIP-4788's beacon-roots contract (at 0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02 on every
 * chain), its runtime code as the EIP deploys it. Cancun blocks call it with the parent beacon
 * block root; the development chain pre-deploys it as mainnet has it.
 */
export const BEACON_ROOTS_ADDRESS = '0x000f3df6d732807ef1319fb7b8bb8522d0beac02';
export const BEACON_ROOTS_CODE =
  '0x3373fffffffffffffffffffffffffffffffffffffffe14604d57602036146024575f5ffd5b5f35801560495762001fff810690815414603c575f5ffd5b62001fff01545f5260205ff35b5f5ffd5b62001fff42064281555f359062001fff015500';

/**
 * The genesis of `cairn --network=dev`: every fork through Cancun active from block 0 (the chain
 * starts after the Merge), the development engine sealing blocks, and each account funded.
 */
export function devGenesis(accounts: readonly DevAccount[], blockPeriodSeconds: number): Genesis {
  return parseGenesis(devGenesisJson(accounts, blockPeriodSeconds));
}

/** The development genesis as a genesis file would hold it (admin_nodeInfo reports its `config`). */
export function devGenesisJson(accounts: readonly DevAccount[], blockPeriodSeconds: number): Record<string, unknown> {
  const alloc: Record<string, unknown> = { [BEACON_ROOTS_ADDRESS]: { balance: '0', code: BEACON_ROOTS_CODE, nonce: '1' } };
  for (const account of accounts) alloc[bytesToHex(account.address)] = { balance: DEV_ACCOUNT_BALANCE.toString() };
  return {
    config: {
      chainId: DEV_CHAIN_ID,
      homesteadBlock: 0,
      eip150Block: 0,
      eip155Block: 0,
      eip158Block: 0,
      byzantiumBlock: 0,
      constantinopleBlock: 0,
      petersburgBlock: 0,
      istanbulBlock: 0,
      berlinBlock: 0,
      londonBlock: 0,
      mergeNetsplitBlock: 0,
      terminalTotalDifficulty: 0,
      shanghaiTime: 0,
      cancunTime: 0,
      dev: { blockPeriodSeconds },
    },
    gasLimit: `0x${DEV_GAS_LIMIT.toString(16)}`,
    difficulty: '0x0',
    baseFeePerGas: `0x${DEV_INITIAL_BASE_FEE.toString(16)}`,
    excessBlobGas: '0x0',
    blobGasUsed: '0x0',
    parentBeaconBlockRoot: `0x${'00'.repeat(32)}`,
    extraData: '0x',
    timestamp: '0x0',
    alloc,
  };
}
