import { CairnError, concatBytes, Fork, hexToBytes, RlpError, rlpEncode, SignatureError } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { rulesOf, sampleTransactions, TEST_KEY, TEST_TO } from '../../test/helpers';
import { DecodeError } from '../errors';
import { decodeTransaction, decodeTransactionFromBlockBody } from './codec';
import { signTransaction } from './sign';
import { validateTransaction } from './validate';

const hex = (text: string) => hexToBytes(text);
/** A legacy transaction's nine fields with one replaced. */
function legacyWith(index: number, value: Uint8Array | bigint | Uint8Array[]): Uint8Array {
  const fields: (Uint8Array | bigint | Uint8Array[])[] = [1n, 2n, 21000n, TEST_TO, 3n, new Uint8Array(0), 27n, 5n, 6n];
  fields[index] = value;
  return rlpEncode(fields);
}

function decodeError(bytes: Uint8Array): { code: string; field?: string } {
  try {
    decodeTransaction(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(CairnError);
    return { code: (error as DecodeError).code, field: (error as DecodeError).field };
  }
  throw new Error('decoded without an error');
}

describe('decoding malformed transactions', () => {
  it('rejects what is neither a list nor a typed envelope', () => {
    expect(decodeError(new Uint8Array(0))).toEqual({ code: 'INVALID_ENVELOPE', field: 'transaction' });
    expect(decodeError(rlpEncode(hex('0x0102')))).toEqual({ code: 'INVALID_ENVELOPE', field: 'transaction' });
    expect(decodeError(hex('0x00c0'))).toEqual({ code: 'UNKNOWN_TX_TYPE', field: 'type' });
    expect(decodeError(hex('0x05c0'))).toEqual({ code: 'UNKNOWN_TX_TYPE', field: 'type' });
    expect(() => decodeTransaction(hex('0xb8'))).toThrow(RlpError);
    expect(() => decodeTransaction(hex('0x02'))).toThrow(RlpError);
  });

  it('rejects malformed RLP and trailing bytes', () => {
    const good = signTransaction(sampleTransactions()[0], TEST_KEY).encode();
    expect(() => decodeTransaction(concatBytes(good, Uint8Array.of(0)))).toThrow(RlpError);
    expect(() => decodeTransaction(good.subarray(0, good.length - 1))).toThrow(RlpError);
  });

  it('names the field of the wrong shape', () => {
    expect(decodeError(rlpEncode([1n, 2n]))).toEqual({ code: 'FIELD_COUNT', field: 'legacy transaction' });
    expect(decodeError(legacyWith(2, [Uint8Array.of(1)]))).toEqual({ code: 'FIELD_NOT_BYTES', field: 'gasLimit' });
    expect(decodeError(legacyWith(0, Uint8Array.of(0, 1)))).toEqual({ code: 'LEADING_ZEROS', field: 'nonce' });
    expect(decodeError(legacyWith(0, new Uint8Array(9).fill(1)))).toEqual({ code: 'FIELD_TOO_LONG', field: 'nonce' });
    expect(decodeError(legacyWith(3, new Uint8Array(19)))).toEqual({ code: 'FIELD_TOO_SHORT', field: 'to' });
    expect(decodeError(legacyWith(3, new Uint8Array(21)))).toEqual({ code: 'FIELD_TOO_LONG', field: 'to' });
    expect(decodeError(legacyWith(7, Uint8Array.of(0, 5)))).toEqual({ code: 'LEADING_ZEROS', field: 'r' });
  });

  it('names a field of the wrong kind even when it hides malformed RLP', () => {
    // gasLimit is the list 0xc207d0, whose second item claims 16 bytes it does not have.
    const bytes = hex(
      '0xf8610301c207d094b94f5374fce5edbc8e2a8697c15331677e6ebf0b0a8255441ca098ff921201554726367d2be8c804a7ff89ccf285ebc57dff8ae4c44b9c19ac4aa08887321be575c8095f789dd4c743dfe42c1820f9231f98a962b210e3ac2452a3',
    );
    expect(decodeError(bytes)).toEqual({ code: 'FIELD_NOT_BYTES', field: 'gasLimit' });
  });

  it('checks access lists and blob hashes entry by entry', () => {
    const typed = (fields: unknown[]) => concatBytes(Uint8Array.of(1), rlpEncode(fields as never));
    const base = [1n, 0n, 1n, 21000n, TEST_TO, 0n, new Uint8Array(0)];
    const sig = [0n, 1n, 1n];
    expect(decodeError(typed([...base, [[TEST_TO, [new Uint8Array(31)]]], ...sig]))).toEqual({ code: 'FIELD_TOO_SHORT', field: 'accessList[0].storageKeys[0]' });
    expect(decodeError(typed([...base, [[new Uint8Array(21), []]], ...sig]))).toEqual({ code: 'FIELD_TOO_LONG', field: 'accessList[0].address' });
    expect(decodeError(typed([...base, [[TEST_TO]], ...sig]))).toEqual({ code: 'FIELD_COUNT', field: 'accessList[0]' });
    expect(decodeError(typed([...base, TEST_TO, ...sig]))).toEqual({ code: 'FIELD_NOT_LIST', field: 'accessList' });
    expect(() => decodeTransaction(typed([...base, [], 2n, 1n, 1n]))).toThrow(SignatureError);
    const blob = concatBytes(Uint8Array.of(3), rlpEncode([1n, 0n, 1n, 2n, 21000n, TEST_TO, 0n, new Uint8Array(0), [], 1n, [new Uint8Array(33)], ...sig]));
    expect(decodeError(blob)).toEqual({ code: 'FIELD_TOO_LONG', field: 'blobVersionedHashes[0]' });
  });

  it('rejects a typed transaction given in a block body as a bare list or a legacy one as bytes', () => {
    const legacy = signTransaction(sampleTransactions()[0], TEST_KEY);
    expect(() => decodeTransactionFromBlockBody(legacy.encode())).toThrow(DecodeError);
    expect(() => decodeTransactionFromBlockBody(new Uint8Array(0))).toThrow(DecodeError);
  });

  it('never crashes on corrupted transactions: each gets a typed error or decodes', () => {
    // A deterministic generator, so that a failure can be reproduced.
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const rules = rulesOf(Fork.Cancun);
    const originals = sampleTransactions().map((tx) => signTransaction(tx, TEST_KEY).encode());
    for (let round = 0; round < 2000; round++) {
      const bytes = Uint8Array.from(originals[round % originals.length]);
      const edits = 1 + random(3);
      for (let e = 0; e < edits; e++) bytes[random(bytes.length)] = random(256);
      const cut = random(4) === 0 ? bytes.subarray(0, random(bytes.length)) : bytes;
      try {
        const tx = decodeTransaction(cut);
        validateTransaction(tx, rules);
        tx.hash();
      } catch (error) {
        if (!(error instanceof CairnError)) throw new Error(`round ${round}: untyped ${(error as Error).stack}`);
      }
    }
  });
});
