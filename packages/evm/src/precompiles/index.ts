export type { Precompile, PrecompileSet } from './precompile';
export type { Bn254Backend, KzgBackend, PrecompileBackends, Secp256k1Backend } from './backends';
export { createDefaultBackends, createPrecompileRegistry, precompilesFor } from './registry';
export { createNobleBn254, type NobleBn254Options } from './bn254-noble';
export { createMicroEthSignerKzg, type KzgTrustedSetup } from './kzg-micro-eth-signer';
export { BLS_MODULUS, FIELD_ELEMENTS_PER_BLOB, kzgToVersionedHash, VERSIONED_HASH_VERSION_KZG } from './0x0a-point-evaluation';
