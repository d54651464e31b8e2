import { bytesToHex, type Hex, hexToBytes } from './bytes/hex';
import { keccak256 } from './crypto/keccak';
import { privateKeyToPublicKey } from './crypto/secp256k1';
import { ValueError } from './errors';
import { assertLength, concatBytes } from './bytes/bytes';
import { rlpEncode } from './rlp/rlp';

/** A 20-byte account address. */
export type Address = Uint8Array;

/** The address of the key behind a 64-byte uncompressed public key: the last 20 bytes of its keccak. */
export function publicKeyToAddress(publicKey: Uint8Array): Address {
  assertLength(publicKey, 64, 'public key');
  return keccak256(publicKey).subarray(12);
}

/** The address controlled by a 32-byte private key. */
export function privateKeyToAddress(privateKey: Uint8Array): Address {
  return publicKeyToAddress(privateKeyToPublicKey(privateKey));
}

/**
 * Parses a `0x` address of 40 hex digits. Mixed-case input must carry a valid EIP-55 checksum;
 * all-lower or all-upper input is accepted as unchecksummed.
 */
export function parseAddress(text: string): Address {
  if (typeof text !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(text)) {
    throw new ValueError(`invalid address ${JSON.stringify(text)}: expected 0x and 40 hex digits`);
  }
  const digits = text.slice(2);
  const mixed = digits !== digits.toLowerCase() && digits !== digits.toUpperCase();
  const bytes = hexToBytes(text);
  if (mixed && toChecksumAddress(bytes) !== text) throw new ValueError(`address ${text} has an invalid EIP-55 checksum`);
  return bytes;
}

/** EIP-55 mixed-case checksum form of an address. */
export function toChecksumAddress(address: Address): Hex {
  assertLength(address, 20, 'address');
  const lower = bytesToHex(address).slice(2);
  const hash = keccak256(new TextEncoder().encode(lower));
  let out = '0x';
  for (let i = 0; i < 40; i++) {
    const nibble = (hash[i >> 1] >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    out += nibble >= 8 ? lower[i].toUpperCase() : lower[i];
  }
  return out as Hex;
}

/** Address of a contract made by CREATE: keccak(rlp([sender, nonce]))[12:]. */
export function createAddress(sender: Address, nonce: bigint): Address {
  return keccak256(rlpEncode([sender, nonce])).subarray(12);
}

/** Address of a contract made by CREATE2 (EIP-1014): keccak(0xff ‖ sender ‖ salt ‖ keccak(initcode))[12:]. */
export function create2Address(sender: Address, salt: Uint8Array, initCodeHash: Uint8Array): Address {
  return keccak256(concatBytes(Uint8Array.of(0xff), sender, salt, initCodeHash)).subarray(12);
}
