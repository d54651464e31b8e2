import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bytesToHex, ConfigError, hexToBytes, privateKeyToPublicKey, randomPrivateKey } from '@cairn/common';

/** Where Besu keeps the node key when `--node-private-key-file` is not given: `<data-path>/key`. */
export function defaultNodeKeyPath(dataPath: string): string {
  return join(dataPath, 'key');
}

/**
 * The node's private key (its identity on the network: the enode id is its public key), read
 * from the key file as Besu writes it (32 bytes in hex, `0x` optional, surrounding whitespace
 * ignored). A missing file is created with a fresh random key, readable by the owner only, so
 * the node keeps its identity across restarts. A file that holds anything else is a
 * `ConfigError`: silently replacing it would change the node's identity.
 */
export function loadOrCreateNodeKey(path: string): Uint8Array {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new ConfigError(`--node-private-key-file: cannot read ${path}: ${(error as Error).message}`);
    const key = randomPrivateKey();
    try {
      mkdirSync(dirname(path), { recursive: true });
      // `wx`: never overwrite a key another process wrote in the meantime.
      writeFileSync(path, bytesToHex(key), { mode: 0o600, flag: 'wx' });
    } catch (writeError) {
      throw new ConfigError(`--node-private-key-file: cannot create ${path}: ${(writeError as Error).message}`);
    }
    return key;
  }
  const trimmed = text.trim();
  const hex = trimmed.startsWith('0x') || trimmed.startsWith('0X') ? trimmed : `0x${trimmed}`;
  if (!/^0x[0-9a-fA-F]{64}$/.test(hex)) throw new ConfigError(`--node-private-key-file: ${path} does not hold a 32-byte private key in hex`);
  const key = hexToBytes(hex);
  try {
    privateKeyToPublicKey(key);
  } catch {
    throw new ConfigError(`--node-private-key-file: ${path} holds a value that is not a valid secp256k1 private key`);
  }
  return key;
}
