import { bytesToHex } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { BlockNumberOrTag, BlockParameterSchema } from './block-parameter';
import { CallRequestSchema } from './call-request';
import { LogCriteriaSchema, LogFilterSchema } from './filter';
import { Address, Data, Hash32, Quantity, Uint64 } from './primitives';
import { StateOverrideSchema } from './state-override';

const A = '0x00000000000000000000000000000000000000aa';
const H = `0x${'11'.repeat(32)}`;
const H2 = `0x${'22'.repeat(32)}`;

function message(result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }): string {
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

describe('QUANTITY', () => {
  it('accepts minimal hex and refuses leading zeros, empty digits and non-strings', () => {
    expect(Quantity.parse('0x0')).toBe(0n);
    expect(Quantity.parse('0x1aF')).toBe(0x1afn);
    expect(Quantity.parse('0X10')).toBe(16n);
    for (const bad of ['0x', '0x01', '0x00', '1', '0xg', '', ' 0x1']) {
      expect(message(Quantity.safeParse(bad)), bad).toContain('without leading zeros');
    }
    expect(Quantity.safeParse(1).success).toBe(false);
  });

  it('bounds the width', () => {
    expect(Uint64.parse('0xffffffffffffffff')).toBe(2n ** 64n - 1n);
    expect(message(Uint64.safeParse('0x10000000000000000'))).toContain('64 bits');
    expect(message(Quantity.safeParse(`0x1${'0'.repeat(64)}`))).toContain('256 bits');
  });
});

describe('DATA and addresses', () => {
  it('parses even-length hex to bytes and checks fixed lengths', () => {
    expect(Data.parse('0x')).toEqual(new Uint8Array());
    expect(Data.parse('0xABcd')).toEqual(Uint8Array.of(0xab, 0xcd));
    expect(message(Data.safeParse('0xabc'))).toContain('even number');
    expect(message(Hash32.safeParse('0x1234'))).toContain('expected 32 bytes');
  });

  it('checks addresses and their EIP-55 checksums', () => {
    expect(bytesToHex(Address.parse(A))).toBe(A);
    expect(Address.parse('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toHaveLength(20);
    expect(message(Address.safeParse('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD'))).toContain('checksum');
    expect(message(Address.safeParse('0x1234'))).toContain('40 hex digits');
  });
});

describe('block parameters', () => {
  it('reads tags, numbers and EIP-1898 objects', () => {
    expect(BlockParameterSchema.parse('latest')).toEqual({ kind: 'tag', tag: 'latest' });
    expect(BlockParameterSchema.parse('0x10')).toEqual({ kind: 'number', number: 16n });
    expect(BlockParameterSchema.parse({ blockNumber: '0x2' })).toEqual({ kind: 'number', number: 2n });
    const byHash = BlockParameterSchema.parse({ blockHash: H, requireCanonical: true });
    expect(byHash).toMatchObject({ kind: 'hash', requireCanonical: true });
    expect(BlockParameterSchema.parse({ blockHash: H })).toMatchObject({ requireCanonical: false });
  });

  it('explains what is wrong', () => {
    expect(message(BlockParameterSchema.safeParse('newest'))).toContain('one of latest, earliest, pending, safe, finalized');
    expect(message(BlockParameterSchema.safeParse('0x01'))).toContain('leading zeros');
    expect(message(BlockParameterSchema.safeParse({ blockHash: H, blockNumber: '0x1' }))).toContain('mutually exclusive');
    expect(message(BlockParameterSchema.safeParse({ blockHash: '0x12' }))).toContain('blockHash: expected 32 bytes');
    expect(message(BlockParameterSchema.safeParse({}))).toContain('expected blockHash or blockNumber');
    expect(message(BlockParameterSchema.safeParse(5))).toContain('EIP-1898');
    expect(message(BlockNumberOrTag.safeParse({ blockNumber: '0x1' }))).toContain('a hex block number or one of');
  });
});

describe('call objects', () => {
  it('reads legacy and EIP-1559 fields and folds data into input', () => {
    const call = CallRequestSchema.parse({ from: A, to: A, gas: '0x5208', maxFeePerGas: '0x2', data: '0x01', accessList: [{ address: A, storageKeys: [H] }] });
    expect(call).toMatchObject({ gas: 21000n, maxFeePerGas: 2n, input: Uint8Array.of(1) });
    expect('data' in call).toBe(false);
    expect(CallRequestSchema.parse({ to: null, input: '0x02', data: '0x02' })).toEqual({ input: Uint8Array.of(2) });
  });

  it('refuses contradictions and names the field', () => {
    expect(message(CallRequestSchema.safeParse({ input: '0x01', data: '0x02' }))).toContain('input: both "data" and "input"');
    expect(message(CallRequestSchema.safeParse({ gasPrice: '0x1', maxFeePerGas: '0x1' }))).toContain('gasPrice:');
    expect(message(CallRequestSchema.safeParse({ value: '0x01' }))).toContain('value:');
    expect(message(CallRequestSchema.safeParse({ accessList: [{ address: A, storageKeys: ['0x1'] }] }))).toContain('accessList.0.storageKeys.0');
  });
});

describe('filter objects', () => {
  it('reads single and multiple addresses, null and OR topics', () => {
    const filter = LogFilterSchema.parse({ fromBlock: '0x1', toBlock: 'latest', address: A, topics: [H, null, [H, H2], [H2, null]] });
    expect(filter.addresses).toHaveLength(1);
    expect(filter.topics.map((t) => (t === null ? null : t.length))).toEqual([1, null, 2, null]);
    expect(filter.fromBlock).toEqual({ kind: 'number', number: 1n });
    expect(LogCriteriaSchema.parse({ address: [A, A] }).addresses).toHaveLength(2);
    expect(LogCriteriaSchema.parse({})).toEqual({ addresses: [], topics: [] });
  });

  it('refuses a range with a block hash, five topics and bad topics', () => {
    expect(message(LogFilterSchema.safeParse({ blockHash: H, fromBlock: '0x1' }))).toContain('blockHash cannot be combined');
    expect(message(LogFilterSchema.safeParse({ topics: [H, H, H, H, H] }))).toContain('at most 4');
    expect(message(LogFilterSchema.safeParse({ topics: [[H, '0x12']] }))).toContain('topics.0.1: expected 32 bytes');
    expect(message(LogFilterSchema.safeParse({ address: 5 }))).toContain('an address or an array of addresses');
    expect(message(LogFilterSchema.safeParse({ fromBlock: { blockHash: H } }))).toContain('fromBlock');
  });
});

describe('state overrides', () => {
  it('reads balance, code and storage per address', () => {
    const overrides = StateOverrideSchema.parse({ [A]: { balance: '0x1', code: '0x60', stateDiff: { [H]: H2 } } });
    const entry = overrides.get(A)!;
    expect(entry.override.balance).toBe(1n);
    expect(entry.override.stateDiff?.get(H)).toHaveLength(32);
  });

  it('refuses state with stateDiff, bad addresses and bad slots', () => {
    expect(message(StateOverrideSchema.safeParse({ [A]: { state: {}, stateDiff: {} } }))).toContain('mutually exclusive');
    expect(message(StateOverrideSchema.safeParse({ '0x12': {} }))).toContain('0x12');
    expect(message(StateOverrideSchema.safeParse({ [A]: { state: { '0x1': H } } }))).toContain('storage slot');
    expect(message(StateOverrideSchema.safeParse({ [A]: { balanse: '0x1' } }))).toContain('balanse');
  });
});
