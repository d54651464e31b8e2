import { bytesToHex, Fork, hexToBytes, rlpDecode } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { rulesOf } from '../../test/helpers';
import { BERLIN_WITH_OMMER, CANCUN_ALL_TYPES, SHANGHAI_WITHDRAWAL } from '../../test/vectors';
import { createHeader } from '../header/header';
import { ommersHash } from '../header/ommers';
import { validateHeader } from '../header/validate-header';
import { Block, bodyToRlp, decodeBlock, decodeBlockBody } from './block';
import { receiptsRoot, transactionsRoot } from './roots';
import { validateBlockBody } from './validate-block';

const code = (promise: Promise<unknown>) => promise.then(() => undefined, (error: { code: string }) => error.code);

describe('blocks', () => {
  const genesis = decodeBlock(hexToBytes(CANCUN_ALL_TYPES.genesis));
  const bytes = hexToBytes(CANCUN_ALL_TYPES.block);
  const block = decodeBlock(bytes);
  const cancun = rulesOf(Fork.Cancun);

  it('decodes a Cancun block with every transaction type, with the hashes the fixture gives', async () => {
    expect(bytesToHex(genesis.hash())).toBe(CANCUN_ALL_TYPES.genesisHash);
    expect(bytesToHex(block.hash())).toBe(CANCUN_ALL_TYPES.blockHash);
    expect(block.transactions.map((tx) => tx.type)).toEqual([0, 1, 2, 3]);
    expect(block.withdrawals).toEqual([]);
    expect(block.encode()).toEqual(bytes);
    // Rebuilt from its fields, without the decoded bytes, the header hashes the same.
    expect(createHeader({ ...block.header }).hash()).toEqual(block.hash());
    await validateBlockBody(block, cancun);
    validateHeader(block.header, genesis.header, cancun);
  });

  it('computes the receipts root of typed receipts', async () => {
    // Four plain transfers: 21000 gas each, success, no logs.
    const receipts = block.transactions.map((tx, i) => ({ type: tx.type, status: 1 as const, cumulativeGasUsed: 21000n * BigInt(i + 1), logsBloom: new Uint8Array(256), logs: [] }));
    expect(await receiptsRoot(receipts)).toEqual(block.header.receiptsRoot);
  });

  it('refuses a body that is not the one the header commits to', async () => {
    const withoutBlobs = new Block(block.header, { ...block, transactions: block.transactions.slice(0, 3) });
    expect(await code(validateBlockBody(withoutBlobs, cancun))).toBe('INVALID_BLOB_GAS_USED');
    const reordered = new Block(block.header, { ...block, transactions: [...block.transactions].reverse() });
    expect(await code(validateBlockBody(reordered, cancun))).toBe('INVALID_TRANSACTIONS_ROOT');
    expect(await code(validateBlockBody(new Block(block.header, { ...block, withdrawals: undefined }), cancun))).toBe('MISSING_FIELD');
    expect(await code(validateBlockBody(new Block(block.header, { ...block, ommers: [genesis.header] }), cancun))).toBe('INVALID_OMMERS_HASH');
    expect(await code(validateBlockBody(new Block(block.header, { ...block, ommers: [genesis.header, genesis.header, genesis.header] }), cancun))).toBe('TOO_MANY_OMMERS');
  });

  it('decodes and checks withdrawals', async () => {
    const shanghai = decodeBlock(hexToBytes(SHANGHAI_WITHDRAWAL.block));
    expect(bytesToHex(shanghai.hash())).toBe(SHANGHAI_WITHDRAWAL.blockHash);
    expect(shanghai.withdrawals).toHaveLength(1);
    await validateBlockBody(shanghai, rulesOf(Fork.Shanghai));
    expect(await code(validateBlockBody(shanghai, rulesOf(Fork.Paris)))).toBe('UNEXPECTED_FIELD');
    const changed = [{ ...shanghai.withdrawals![0], amount: shanghai.withdrawals![0].amount + 1n }];
    expect(await code(validateBlockBody(new Block(shanghai.header, { ...shanghai, withdrawals: changed }), rulesOf(Fork.Shanghai)))).toBe('INVALID_WITHDRAWALS_ROOT');
  });

  it('decodes ommers and checks a proof-of-work header against its parent', async () => {
    const parent = decodeBlock(hexToBytes(BERLIN_WITH_OMMER.parent));
    const withOmmer = decodeBlock(hexToBytes(BERLIN_WITH_OMMER.block));
    expect(bytesToHex(withOmmer.hash())).toBe(BERLIN_WITH_OMMER.blockHash);
    expect(withOmmer.ommers).toHaveLength(1);
    expect(ommersHash(withOmmer.ommers)).toEqual(withOmmer.header.ommersHash);
    expect(withOmmer.header.difficulty).toBeGreaterThan(0n);
    await validateBlockBody(withOmmer, rulesOf(Fork.Berlin));
    validateHeader(withOmmer.header, parent.header, rulesOf(Fork.Berlin));
  });

  it('round-trips a body in its BlockBodies form', async () => {
    const body = decodeBlockBody(rlpDecode(new Block(block.header, block).encode()).slice(1) as never);
    expect(await transactionsRoot(body.transactions)).toEqual(block.header.transactionsRoot);
    expect(bodyToRlp(body)).toEqual(bodyToRlp(block));
  });

  it('refuses malformed blocks with typed errors', () => {
    expect(() => decodeBlock(bytes.subarray(0, bytes.length - 1))).toThrow(expect.objectContaining({ code: 'INVALID_RLP' }));
    expect(() => decodeBlock(hexToBytes('0xc3c0c0c0'))).toThrow(expect.objectContaining({ code: 'FIELD_COUNT', field: 'header' }));
    expect(() => decodeBlock(hexToBytes('0xc0'))).toThrow(expect.objectContaining({ code: 'FIELD_COUNT', field: 'block' }));
    expect(() => decodeBlockBody(hexToBytes('0x01'))).toThrow(expect.objectContaining({ code: 'FIELD_NOT_LIST' }));
  });
});
