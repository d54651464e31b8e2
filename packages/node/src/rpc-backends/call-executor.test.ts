import { bytesToHex, hexToBytes } from '@cairn/common';
import { StateOverrideSchema } from '@cairn/rpc';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_ACCOUNTS, devChain } from '../../test/support/dev-chain';
import { EvmCallExecutor } from './call-executor';

const CONTRACT = hexToBytes(`0x${'c0'.repeat(20)}`);
const OTHER = hexToBytes(`0x${'0e'.repeat(20)}`);
const POOR = hexToBytes(`0x${'77'.repeat(20)}`);
const GAS = 1_000_000n;

/** Code: BALANCE of OTHER (dropped), then return storage slot 7. */
const READ_SLOT_7 = `0x73${'0e'.repeat(20)}315060075460005260206000f3`;

let executor: EvmCallExecutor;
let head: Awaited<ReturnType<typeof devChain>>['chain']['head']['header'];

const overrides = (json: Record<string, unknown>) => StateOverrideSchema.parse(json);
const withCode = (code: string, extra: Record<string, unknown> = {}) => overrides({ [bytesToHex(CONTRACT)]: { code, ...extra } });

beforeAll(async () => {
  const { chain, evm } = await devChain();
  executor = new EvmCallExecutor(chain, evm);
  head = chain.head.header;
});

describe('EvmCallExecutor', () => {
  it('runs code given by a state override, and its storage overrides', async () => {
    const slot7 = `0x${'00'.repeat(31)}07`;
    const plain = await executor.call({ to: CONTRACT }, head, { gas: GAS, overrides: withCode(READ_SLOT_7) });
    expect(plain).toMatchObject({ status: 'success', returnData: new Uint8Array(32) });
    const diff = await executor.call({ to: CONTRACT }, head, { gas: GAS, overrides: withCode(READ_SLOT_7, { stateDiff: { [slot7]: `0x${'00'.repeat(31)}2a` } }) });
    expect(diff?.status === 'success' && diff.returnData[31]).toBe(42);
    const state = await executor.call({ to: CONTRACT }, head, { gas: GAS, overrides: withCode(READ_SLOT_7, { state: { [slot7]: `0x${'00'.repeat(31)}05` } }) });
    expect(state?.status === 'success' && state.returnData[31]).toBe(5);
  });

  it('reports reverts with their data and halts with geth\'s reasons', async () => {
    // PUSH2 0xbeef, PUSH1 0, MSTORE, PUSH1 2, PUSH1 30, REVERT
    expect(await executor.call({ to: CONTRACT }, head, { gas: GAS, overrides: withCode('0x61beef6000526002601efd') })).toMatchObject({ status: 'revert', returnData: Uint8Array.of(0xbe, 0xef) });
    expect(await executor.call({ to: CONTRACT }, head, { gas: GAS, overrides: withCode('0xfe') })).toMatchObject({ status: 'halt', reason: 'invalid opcode', gasUsed: GAS });
    expect(await executor.call({ to: CONTRACT }, head, { gas: 21_100n, overrides: withCode(READ_SLOT_7) })).toMatchObject({ status: 'halt', reason: 'out of gas' });
    expect(await executor.call({ to: CONTRACT }, head, { gas: 20_000n })).toMatchObject({ status: 'halt', reason: expect.stringMatching(/^intrinsic gas too low/) });
  });

  it('refuses a value the sender cannot pay, unless a balance override covers it', async () => {
    await expect(executor.call({ from: POOR, to: OTHER, value: 1n }, head, { gas: GAS })).rejects.toMatchObject({ rpcCode: -32000, message: expect.stringMatching(/^insufficient funds for gas \* price \+ value/) });
    const covered = await executor.call({ from: POOR, to: OTHER, value: 1n }, head, { gas: GAS, overrides: overrides({ [bytesToHex(POOR)]: { balance: '0x1' } }) });
    expect(covered).toMatchObject({ status: 'success', gasUsed: 21_000n });
    await expect(executor.call({ to: OTHER }, head, { gas: GAS, overrides: overrides({ [bytesToHex(OTHER)]: { movePrecompileToAddress: bytesToHex(POOR) } }) })).rejects.toMatchObject({ rpcCode: -32602 });
  });

  it('prices a call with fees at the block\'s base fee, and without fees at zero', async () => {
    const from = DEV_ACCOUNTS[0].address;
    expect(await executor.call({ from, to: OTHER }, head, { gas: GAS })).toMatchObject({ status: 'success' });
    await expect(executor.call({ from, to: OTHER, maxFeePerGas: 1n }, head, { gas: GAS })).rejects.toMatchObject({ message: expect.stringMatching(/below the base fee/) });
    expect(await executor.call({ from, to: OTHER, maxFeePerGas: head.baseFeePerGas! }, head, { gas: GAS })).toMatchObject({ status: 'success' });
  });

  it('traces the access list, leaving out the sender, the recipient and the precompiles', async () => {
    const outcome = await executor.call({ from: DEV_ACCOUNTS[0].address, to: CONTRACT }, head, { gas: GAS, overrides: withCode(READ_SLOT_7), traceAccessList: true });
    expect(outcome?.accessList?.map((entry) => [bytesToHex(entry.address), entry.storageKeys.map(bytesToHex)])).toEqual([[bytesToHex(OTHER), []]]);
    // SLOAD of the callee's own slot is not listed: the recipient is warm anyway.
    const untraced = await executor.call({ to: CONTRACT }, head, { gas: GAS, overrides: withCode(READ_SLOT_7) });
    expect(untraced?.accessList).toBeUndefined();
  });
});
