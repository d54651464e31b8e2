import { assertLength, bytesToUint, KECCAK256_EMPTY, RlpError, rlpDecode, rlpEncode, ValueError } from '@cairn/common';
import { EMPTY_TRIE_ROOT } from './empty-root';

/** An account as the state trie stores it (Yellow Paper 4.1). */
export interface Account {
  nonce: bigint;
  balance: bigint;
  /** Root of the account's storage trie (`EMPTY_TRIE_ROOT` when it has none). */
  storageRoot: Uint8Array;
  /** keccak256 of the account's code (`KECCAK256_EMPTY` when it has none). */
  codeHash: Uint8Array;
}

/** An account with no nonce, balance, storage or code. */
export function emptyAccount(): Account {
  return { nonce: 0n, balance: 0n, storageRoot: EMPTY_TRIE_ROOT, codeHash: KECCAK256_EMPTY };
}

/** RLP([nonce, balance, storageRoot, codeHash]), the value of an account's leaf. */
export function encodeAccount(account: Account): Uint8Array {
  assertLength(account.storageRoot, 32, 'storageRoot');
  assertLength(account.codeHash, 32, 'codeHash');
  return rlpEncode([account.nonce, account.balance, account.storageRoot, account.codeHash]);
}

/** The account in an account leaf; anything but four canonical fields throws a `ValueError` or `RlpError`. */
export function decodeAccount(bytes: Uint8Array): Account {
  const fields = rlpDecode(bytes);
  if (!Array.isArray(fields) || fields.length !== 4 || fields.some((f) => !(f instanceof Uint8Array))) {
    throw new RlpError('an account must be an RLP list of four byte strings');
  }
  const [nonce, balance, storageRoot, codeHash] = fields as Uint8Array[];
  if (storageRoot.length !== 32 || codeHash.length !== 32) throw new ValueError('account storageRoot and codeHash must be 32 bytes');
  return { nonce: bytesToUint(nonce, 32, 'nonce'), balance: bytesToUint(balance, 32, 'balance'), storageRoot, codeHash };
}
