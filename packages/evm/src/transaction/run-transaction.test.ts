import { bytesToBigInt, ChainConfig, Fork, hexToBytes, keccak256 } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { CALLER, CONTRACT, code } from '../../test/helpers';
import { Evm } from '../evm';
import { JournaledState } from '../state/journaled-state';
import { MemoryState } from '../state/memory-state';
import { applyWithdrawals, systemCall } from './block-operations';
import type { BlockEnv, TransactionEnv } from './environment';
import { TransactionError } from './errors';
import { runTransaction } from './run-transaction';

const COINBASE = hexToBytes('0x00000000000000000000000000000000000000cb');
const evm = new Evm();
const rules = (fork: Fork) => ChainConfig.forFork(fork).rulesFor(fork);

function setup(contract: Uint8Array = code('00')) {
  const world = new MemoryState();
  world.setAccount(CALLER, { balance: 10n ** 18n });
  world.setAccount(CONTRACT, { code: contract });
  return { world, state: new JournaledState(world) };
}

const block: BlockEnv = { coinbase: COINBASE, number: 1n, timestamp: 1n, gasLimit: 30_000_000n, baseFee: 10n, excessBlobGas: 0n };
const tx = (fields: Partial<TransactionEnv> = {}): TransactionEnv => ({
  type: 2,
  sender: CALLER,
  to: CONTRACT,
  nonce: 0n,
  value: 0n,
  data: new Uint8Array(0),
  gasLimit: 100_000n,
  maxFeePerGas: 30n,
  maxPriorityFeePerGas: 2n,
  ...fields,
});

async function rejection(fork: Fork, fields: Partial<TransactionEnv>, blockEnv = block): Promise<string | undefined> {
  const { state } = setup();
  try {
    await runTransaction(evm, state, tx(fields), blockEnv, rules(fork));
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(TransactionError);
    expect(state.changes()).toEqual([]);
    return (error as TransactionError).code;
  }
}

describe('transaction validation', () => {
  it('rejects invalid transactions with typed errors and leaves the state untouched', async () => {
    expect(await rejection(Fork.Cancun, { nonce: 1n })).toBe('NONCE_TOO_HIGH');
    expect(await rejection(Fork.Cancun, { gasLimit: 20_000n })).toBe('INTRINSIC_GAS_TOO_LOW');
    expect(await rejection(Fork.Cancun, { gasLimit: 40_000_000n })).toBe('GAS_LIMIT_EXCEEDS_BLOCK');
    expect(await rejection(Fork.Cancun, { maxFeePerGas: 9n, maxPriorityFeePerGas: 1n })).toBe('FEE_CAP_BELOW_BASE_FEE');
    expect(await rejection(Fork.Cancun, { maxPriorityFeePerGas: 31n })).toBe('TIP_ABOVE_FEE_CAP');
    expect(await rejection(Fork.Cancun, { value: 10n ** 19n })).toBe('INSUFFICIENT_FUNDS');
    expect(await rejection(Fork.Berlin, {})).toBe('TYPE_NOT_SUPPORTED');
    expect(await rejection(Fork.Cancun, { value: 2n ** 256n })).toBe('FIELD_OUT_OF_RANGE');
    expect(await rejection(Fork.Shanghai, { to: undefined, data: new Uint8Array(49153), gasLimit: 1_000_000n })).toBe('INITCODE_TOO_LARGE');
    expect(await rejection(Fork.Cancun, { type: 3, maxFeePerBlobGas: 1n, blobVersionedHashes: [] })).toBe('BLOB_TX_NO_BLOBS');
    const hash = new Uint8Array(32);
    hash[0] = 1;
    expect(await rejection(Fork.Cancun, { type: 3, maxFeePerBlobGas: 1n, blobVersionedHashes: [hash], to: undefined })).toBe('BLOB_TX_CREATE');
    expect(await rejection(Fork.Cancun, { type: 3, maxFeePerBlobGas: 1n, blobVersionedHashes: [new Uint8Array(32)] })).toBe('BLOB_TX_BAD_VERSIONED_HASH');
  });

  it('rejects a sender with code (EIP-3607)', async () => {
    const world = new MemoryState();
    world.setAccount(CALLER, { balance: 10n ** 18n, code: code('00') });
    await expect(runTransaction(evm, new JournaledState(world), tx(), block, rules(Fork.Cancun))).rejects.toMatchObject({ code: 'SENDER_NOT_EOA' });
  });
});

describe('fees and refunds', () => {
  it('charges the effective price, pays the tip to the coinbase and burns the base fee', async () => {
    const { world, state } = setup();
    const result = await runTransaction(evm, state, tx(), block, rules(Fork.Cancun));
    world.commit(state.changes());
    expect(result.gasUsed).toBe(21000n);
    expect(await world.getAccount(CALLER)).toMatchObject({ nonce: 1n, balance: 10n ** 18n - 21000n * 12n });
    expect((await world.getAccount(COINBASE))?.balance).toBe(21000n * 2n);
  });

  it('caps the refund at a fifth of the gas used from London', async () => {
    // Clearing a slot refunds 4800; the cap is gasUsed / 5.
    const contract = code('6000600055', '00');
    const world = new MemoryState();
    world.setAccount(CALLER, { balance: 10n ** 18n });
    world.setAccount(CONTRACT, { code: contract, storage: new Map([[0n, 1n]]) });
    const result = await runTransaction(evm, new JournaledState(world), tx(), block, rules(Fork.London));
    const used = 21000n + 6n + 2100n + 2900n;
    expect(result.gasRefund).toBe(4800n);
    expect(result.gasUsed).toBe(used - 4800n);
  });

  it('reports a reverted transaction as failed, with its gas charged and logs dropped', async () => {
    const { state } = setup(code('60006000a0', '60006000fd')); // LOG0 then REVERT
    const result = await runTransaction(evm, state, tx(), block, rules(Fork.Cancun));
    expect(result.success).toBe(false);
    expect(result.status).toBe('Revert');
    expect(result.logs).toHaveLength(0);
  });
});

describe('operations outside transactions', () => {
  it('runs a system call without charging anyone, and credits withdrawals in gwei', async () => {
    const store = code('6000356000', '55', '00'); // SSTORE(0, CALLDATALOAD(0))
    const { world, state } = setup(store);
    const root = keccak256(new Uint8Array([1]));
    const result = await systemCall(evm, state, CONTRACT, root, block, rules(Fork.Cancun));
    expect(result.success).toBe(true);
    await applyWithdrawals(state, [{ address: COINBASE, amount: 3n }]);
    world.commit(state.changes());
    expect(await world.getStorage(CONTRACT, 0n)).toBe(bytesToBigInt(root));
    expect((await world.getAccount(COINBASE))?.balance).toBe(3_000_000_000n);
    expect((await world.getAccount(CALLER))?.nonce).toBe(0n);
  });
});
