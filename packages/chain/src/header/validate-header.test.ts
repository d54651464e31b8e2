import { Fork, GAS_PER_BLOB, hexToBytes } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { rulesOf } from '../../test/helpers';
import { CANCUN_ALL_TYPES } from '../../test/vectors';
import { decodeBlock } from '../block/block';
import { INITIAL_BASE_FEE, nextBaseFee } from './base-fee';
import { MAX_GAS_LIMIT, validateGasLimit } from './gas-limit';
import { createHeader, decodeHeader, type HeaderFields } from './header';
import { DAO_FORK_EXTRA_DATA, validateHeader } from './validate-header';

const parent = decodeBlock(hexToBytes(CANCUN_ALL_TYPES.genesis)).header;
const child = decodeBlock(hexToBytes(CANCUN_ALL_TYPES.block)).header;
const cancun = rulesOf(Fork.Cancun);

/** The code `validateHeader` rejects `child` with after `change`, or undefined. */
function rejection(change: Partial<HeaderFields>, rules = cancun): string | undefined {
  try {
    validateHeader(createHeader({ ...child, ...change }), parent, rules);
    return undefined;
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('validateHeader', () => {
  it('accepts the fixture block after its parent', () => {
    expect(rejection({})).toBeUndefined();
  });

  it('requires the header to follow its parent', () => {
    expect(rejection({ number: 2n })).toBe('INVALID_NUMBER');
    expect(rejection({ parentHash: new Uint8Array(32) })).toBe('INVALID_PARENT_HASH');
    expect(rejection({ timestamp: parent.timestamp })).toBe('INVALID_TIMESTAMP');
    expect(rejection({ extraData: new Uint8Array(33) })).toBe('EXTRA_DATA_TOO_LONG');
    expect(rejection({ extraData: new Uint8Array(32) })).toBeUndefined();
    const header = createHeader({ ...child, extraData: DAO_FORK_EXTRA_DATA });
    expect(() => validateHeader(header, parent, cancun, { daoForkBlock: 1n })).not.toThrow();
    expect(() => validateHeader(child, parent, cancun, { daoForkBlock: 1n })).toThrow(expect.objectContaining({ code: 'INVALID_EXTRA_DATA' }));
    expect(() => validateHeader(child, parent, cancun, { daoForkBlock: 2n })).not.toThrow();
    expect(rejection({ gasUsed: child.gasLimit + 1n })).toBe('GAS_USED_ABOVE_LIMIT');
  });

  it('bounds the gas limit by 1/1024 of the parent', () => {
    const bound = parent.gasLimit / 1024n;
    expect(rejection({ gasLimit: parent.gasLimit + bound - 1n })).toBeUndefined();
    expect(rejection({ gasLimit: parent.gasLimit + bound })).toBe('INVALID_GAS_LIMIT');
    expect(rejection({ gasLimit: parent.gasLimit - bound })).toBe('INVALID_GAS_LIMIT');
    expect(() => validateGasLimit({ gasLimit: 4999n }, { gasLimit: 5000n, baseFeePerGas: 1n }, cancun)).toThrow(/below the minimum/);
    expect(() => validateGasLimit({ gasLimit: MAX_GAS_LIMIT + 1n }, { gasLimit: MAX_GAS_LIMIT, baseFeePerGas: 1n }, cancun)).toThrow(/above the maximum/);
  });

  it('checks the fork fields, the base fee and the blob gas', () => {
    expect(rejection({ baseFeePerGas: child.baseFeePerGas! + 1n })).toBe('INVALID_BASE_FEE');
    expect(rejection({ excessBlobGas: GAS_PER_BLOB })).toBe('INVALID_EXCESS_BLOB_GAS');
    expect(rejection({ blobGasUsed: GAS_PER_BLOB + 1n })).toBe('INVALID_BLOB_GAS_USED');
    expect(rejection({ blobGasUsed: 7n * GAS_PER_BLOB })).toBe('INVALID_BLOB_GAS_USED');
    expect(rejection({}, rulesOf(Fork.Shanghai))).toBe('UNEXPECTED_FIELD');
    expect(rejection({ blobGasUsed: undefined, excessBlobGas: undefined, parentBeaconBlockRoot: undefined })).toBe('MISSING_FIELD');
  });

  it('keeps proof-of-work fields constant after the Merge', () => {
    expect(rejection({ difficulty: 1n })).toBe('INVALID_DIFFICULTY');
    expect(rejection({ nonce: Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 1) })).toBe('INVALID_NONCE');
    expect(rejection({ ommersHash: new Uint8Array(32) })).toBe('INVALID_OMMERS_HASH');
  });

  it('starts London with the initial base fee and a doubled gas limit', () => {
    const berlinParent = createHeader({
      ...parent,
      difficulty: 131072n,
      baseFeePerGas: undefined,
      withdrawalsRoot: undefined,
      blobGasUsed: undefined,
      excessBlobGas: undefined,
      parentBeaconBlockRoot: undefined,
    });
    const london = {
      ...child,
      parentHash: berlinParent.hash(),
      gasLimit: berlinParent.gasLimit * 2n,
      baseFeePerGas: INITIAL_BASE_FEE,
      withdrawalsRoot: undefined,
      blobGasUsed: undefined,
      excessBlobGas: undefined,
      parentBeaconBlockRoot: undefined,
    };
    const rules = rulesOf(Fork.Paris);
    expect(nextBaseFee(berlinParent)).toBe(INITIAL_BASE_FEE);
    expect(() => validateHeader(createHeader(london), berlinParent, rules)).not.toThrow();
    expect(() => validateHeader(createHeader({ ...london, gasLimit: berlinParent.gasLimit }), berlinParent, rules)).toThrow(/gas limit/);
  });

  it('uses the difficulty rule it is given before the Merge', () => {
    const pow = createHeader({ ...child, difficulty: 2n, baseFeePerGas: undefined, withdrawalsRoot: undefined, blobGasUsed: undefined, excessBlobGas: undefined, parentBeaconBlockRoot: undefined });
    const powParent = createHeader({ ...parent, baseFeePerGas: undefined, withdrawalsRoot: undefined, blobGasUsed: undefined, excessBlobGas: undefined, parentBeaconBlockRoot: undefined });
    const withParent = createHeader({ ...pow, parentHash: powParent.hash() });
    const berlin = rulesOf(Fork.Berlin);
    expect(() => validateHeader(withParent, powParent, berlin)).toThrow(expect.objectContaining({ code: 'INVALID_DIFFICULTY' }));
    expect(() => validateHeader(withParent, powParent, berlin, { expectedDifficulty: () => 2n })).not.toThrow();
  });
});

describe('header codec', () => {
  it('round-trips every fork layout and keeps decoded bytes', () => {
    const bytes = child.encode();
    const again = decodeHeader(bytes);
    expect(again.encode()).toBe(bytes);
    expect(again.hash()).toEqual(child.hash());
    const legacy = createHeader({ ...child, baseFeePerGas: undefined, withdrawalsRoot: undefined, blobGasUsed: undefined, excessBlobGas: undefined, parentBeaconBlockRoot: undefined });
    expect(decodeHeader(legacy.encode()).baseFeePerGas).toBeUndefined();
    const shanghai = createHeader({ ...child, blobGasUsed: undefined, excessBlobGas: undefined, parentBeaconBlockRoot: undefined });
    expect(decodeHeader(shanghai.encode()).withdrawalsRoot).toEqual(child.withdrawalsRoot);
  });

  it('refuses a field without the fields of the forks before it, and wrong widths', () => {
    expect(() => createHeader({ ...child, baseFeePerGas: undefined })).toThrow(expect.objectContaining({ code: 'MISSING_FIELD', field: 'withdrawalsRoot' }));
    expect(() => createHeader({ ...child, excessBlobGas: undefined })).toThrow(expect.objectContaining({ code: 'MISSING_FIELD' }));
    expect(() => createHeader({ ...child, stateRoot: new Uint8Array(31) })).toThrow(expect.objectContaining({ code: 'FIELD_TOO_SHORT', field: 'stateRoot' }));
    expect(() => createHeader({ ...child, gasLimit: 2n ** 64n })).toThrow(expect.objectContaining({ code: 'FIELD_TOO_LONG', field: 'gasLimit' }));
  });
});
