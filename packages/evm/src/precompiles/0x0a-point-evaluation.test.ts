import { bigintToFixedBytes, bytesToHex, concatBytes, createForkRules, Fork, hexToBytes, ValueError } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { BLS_MODULUS, createPointEvaluation, kzgToVersionedHash } from './0x0a-point-evaluation';
import { createMicroEthSignerKzg } from './kzg-micro-eth-signer';

const rules = createForkRules(Fork.Cancun, 1n);
const kzg = createMicroEthSignerKzg();
const pointEvaluation = createPointEvaluation(kzg);
const hex = (text: string) => hexToBytes(`0x${text.replace(/\s+/g, '')}`);
const SUCCESS = '000000000000000000000000000000000000000000000000000000000000100073eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001';

/** go-ethereum's pointEvaluation1 vector (mainnet trusted setup). */
const GETH_VECTOR = hex(`
  01e798154708fe7789429634053cbf9f99b619f9f084048927333fce637f549b
  564c0a11a0f704f4fc3e8acfe0f8245f0ad1347b378fbf96e206da11a5d36306
  24d25032e67a7e6a4910df5834b8fe70e6bcfeeac0352434196bdf4b2485d5a1
  8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952b7
  873033e038326e87ed3e1276fd140253fa08e9fc25fb2d9a98527fc22a2c9612fbeafdad446cbc7bcdbdcd780af2c16a`);

/**
 * A deterministic blob (element i = (i·0x9e3779b97f4a7c15 + 7)^3 mod r) and its commitment,
 * blob proof and an opening at z = 0xca1, all computed independently with c-kzg 4.1.0.
 */
function fixtureBlob(): Uint8Array {
  const blob = new Uint8Array(4096 * 32);
  for (let i = 0n; i < 4096n; i++) blob.set(bigintToFixedBytes((i * 0x9e3779b97f4a7c15n + 7n) ** 3n % BLS_MODULUS, 32), Number(i) * 32);
  return blob;
}
const COMMITMENT = hex('8e452d033119c6b4333f0a3256e96a227eb2cf954dc64cebc6368ea1d75c007c3c612bdd162c131fe67bb70767965b3f');
const BLOB_PROOF = hex('86456eb58ca95da96a623c7644f7b3ac324cb8e7dac0a581bb3a2f22800f846ff4f2a8f8b4dbd66d961ea7f57f178f7f');
const Z = bigintToFixedBytes(0xca1n, 32);
const Y = hex('2b119986375c3f9c0b18f7f8684f4ff3bc8ebebb81ab72ac36c0925ade04f93b');
const PROOF = hex('9816823f5f55f5f960f6b0ea1143695f0162f133db2cbc5fa851725174bc01a27fec5b5e6faeecb2d693d911c2a1502e');
const VERSIONED_HASH = hex('01c2158556048903e3a9e33e57391ef1c2ecd6809967c41f9a8828b317609734');

function evaluationInput(fields: { hash?: Uint8Array; z?: Uint8Array; y?: Uint8Array; commitment?: Uint8Array; proof?: Uint8Array } = {}): Uint8Array {
  const commitment = fields.commitment ?? COMMITMENT;
  return concatBytes(fields.hash ?? kzgToVersionedHash(commitment), fields.z ?? Z, fields.y ?? Y, commitment, fields.proof ?? PROOF);
}

describe('0x0a point evaluation (EIP-4844)', () => {
  it('verifies the go-ethereum vector and answers FIELD_ELEMENTS_PER_BLOB and BLS_MODULUS', () => {
    expect(bytesToHex(pointEvaluation.run(GETH_VECTOR, rules)!).slice(2)).toBe(SUCCESS);
    expect(pointEvaluation.gas(GETH_VECTOR, rules)).toBe(50000n);
  });

  it('verifies an opening computed by c-kzg', () => {
    expect(kzgToVersionedHash(COMMITMENT)).toEqual(VERSIONED_HASH);
    expect(bytesToHex(pointEvaluation.run(evaluationInput(), rules)!).slice(2)).toBe(SUCCESS);
  });

  it('fails on a versioned hash that does not match the commitment (version byte included)', () => {
    const wrongVersion = VERSIONED_HASH.slice();
    wrongVersion[0] = 0x02;
    const wrongHash = VERSIONED_HASH.slice();
    wrongHash[31] ^= 1;
    expect(pointEvaluation.run(evaluationInput({ hash: wrongVersion }), rules)).toBeUndefined();
    expect(pointEvaluation.run(evaluationInput({ hash: wrongHash }), rules)).toBeUndefined();
  });

  it('fails on a wrong y, z, proof or commitment', () => {
    const y = Y.slice();
    y[31] ^= 1;
    const z = bigintToFixedBytes(0xca2n, 32);
    expect(pointEvaluation.run(evaluationInput({ y }), rules)).toBeUndefined();
    expect(pointEvaluation.run(evaluationInput({ z }), rules)).toBeUndefined();
    expect(pointEvaluation.run(evaluationInput({ proof: BLOB_PROOF }), rules)).toBeUndefined();
    // A different valid commitment with a matching versioned hash still fails the proof.
    expect(pointEvaluation.run(evaluationInput({ commitment: GETH_VECTOR.subarray(96, 144) }), rules)).toBeUndefined();
  });

  it('fails on non-canonical field elements and malformed points', () => {
    const plusModulus = (value: Uint8Array) => bigintToFixedBytes(BigInt(bytesToHex(value)) + BLS_MODULUS, 32);
    expect(pointEvaluation.run(evaluationInput({ y: plusModulus(Y) }), rules)).toBeUndefined();
    expect(pointEvaluation.run(evaluationInput({ z: plusModulus(Z) }), rules)).toBeUndefined();
    expect(pointEvaluation.run(evaluationInput({ commitment: new Uint8Array(48) }), rules)).toBeUndefined();
    expect(pointEvaluation.run(evaluationInput({ proof: new Uint8Array(48).fill(0xff) }), rules)).toBeUndefined();
  });

  it('fails unless the input is exactly 192 bytes', () => {
    expect(pointEvaluation.run(new Uint8Array(0), rules)).toBeUndefined();
    expect(pointEvaluation.run(GETH_VECTOR.subarray(0, 191), rules)).toBeUndefined();
    expect(pointEvaluation.run(concatBytes(GETH_VECTOR, new Uint8Array(1)), rules)).toBeUndefined();
    expect(pointEvaluation.gas(new Uint8Array(0), rules)).toBe(50000n);
  });
});

describe('KZG blob helpers (micro-eth-signer backend)', () => {
  const blob = fixtureBlob();

  it('commits to a blob and proves it as c-kzg does', () => {
    expect(kzg.blobToKzgCommitment(blob)).toEqual(COMMITMENT);
    expect(kzg.computeBlobKzgProof(blob, COMMITMENT)).toEqual(BLOB_PROOF);
    expect(kzg.verifyBlobKzgProof(blob, COMMITMENT, BLOB_PROOF)).toBe(true);
    expect(kzg.verifyKzgProof(COMMITMENT, Z, Y, PROOF)).toBe(true);
  });

  it('rejects a tampered blob, commitment or proof', () => {
    const tampered = blob.slice();
    tampered[100] ^= 1;
    expect(kzg.verifyBlobKzgProof(tampered, COMMITMENT, BLOB_PROOF)).toBe(false);
    expect(kzg.verifyBlobKzgProof(blob, GETH_VECTOR.subarray(96, 144), BLOB_PROOF)).toBe(false);
    expect(kzg.verifyBlobKzgProof(blob, COMMITMENT, PROOF)).toBe(false);
    expect(kzg.verifyBlobKzgProof(blob.subarray(1), COMMITMENT, BLOB_PROOF)).toBe(false);
  });

  it('throws a ValueError for a blob with a field element not below the modulus, or the wrong size', () => {
    const bad = blob.slice();
    bad.set(bigintToFixedBytes(BLS_MODULUS, 32), 0);
    expect(() => kzg.blobToKzgCommitment(bad)).toThrow(ValueError);
    expect(() => kzg.blobToKzgCommitment(blob.subarray(32))).toThrow(ValueError);
    expect(() => kzg.computeBlobKzgProof(blob, new Uint8Array(47))).toThrow(ValueError);
    expect(kzg.verifyBlobKzgProof(bad, COMMITMENT, BLOB_PROOF)).toBe(false);
  });
});
