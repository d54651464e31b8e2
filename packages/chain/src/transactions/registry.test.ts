import { Fork } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { rulesOf, sampleTransactions, TEST_KEY } from '../../test/helpers';
import { decodeTransaction } from './codec';
import { FEE_MARKET_LAYOUT } from './eip1559';
import { QUANTITY, UINT64 } from '../rlp/codecs';
import { DEFAULT_TRANSACTION_TYPES, TransactionTypeRegistry } from './registry';
import { signTransaction } from './sign';
import { defineTypedTransaction } from './typed';
import { validateTransaction } from './validate';

/** A made-up type 0x7e, as a plugin would add one: EIP-1559 fees without an access list. */
const pluginType = defineTypedTransaction({
  type: 0x7e,
  name: 'plugin',
  eip: 1559,
  layout: FEE_MARKET_LAYOUT.filter(([name]) => name !== 'accessList'),
});

describe('transaction type registry', () => {
  it('holds the four standard types', () => {
    expect(DEFAULT_TRANSACTION_TYPES.types().map((t) => t.name)).toEqual(['legacy', 'EIP-2930', 'EIP-1559', 'EIP-4844']);
    expect(() => DEFAULT_TRANSACTION_TYPES.get(0x7e)).toThrow(expect.objectContaining({ code: 'UNKNOWN_TX_TYPE' }));
  });

  it('takes a new type without changes to the core', () => {
    const types = DEFAULT_TRANSACTION_TYPES.with(pluginType);
    const unsigned = { ...sampleTransactions()[2], type: 0x7e, accessList: undefined };
    const tx = signTransaction(unsigned, TEST_KEY, types);
    expect(tx.encode()[0]).toBe(0x7e);
    const decoded = decodeTransaction(tx.encode(), types);
    expect(decoded.kind).toBe(pluginType);
    expect(decoded.sender()).toEqual(tx.sender());
    expect(() => validateTransaction(decoded, rulesOf(Fork.London))).not.toThrow();
    expect(() => validateTransaction(decoded, rulesOf(Fork.Berlin))).toThrow(expect.objectContaining({ code: 'TYPE_NOT_SUPPORTED' }));
    expect(() => decodeTransaction(tx.encode())).toThrow(expect.objectContaining({ code: 'UNKNOWN_TX_TYPE' }));
    expect(DEFAULT_TRANSACTION_TYPES.has(0x7e)).toBe(false);
  });

  it('refuses type bytes outside 0x00-0x7f and duplicates', () => {
    expect(() => defineTypedTransaction({ type: 0x80, name: 'x', eip: 1, layout: [['chainId', QUANTITY]] })).toThrow(RangeError);
    expect(() => defineTypedTransaction({ type: 0x10, name: 'x', eip: 1, layout: [['nonce', UINT64]] })).toThrow(/chainId/);
    expect(() => new TransactionTypeRegistry([pluginType, pluginType])).toThrow(/twice/);
  });
});
