export type { Precompile, PrecompileSet } from './precompile';
export type { Blake2fBackend, Bn254Backend, KzgBackend, PrecompileBackends, Secp256k1Backend } from './backends';
export { createDefaultBackends, createPrecompileRegistry, precompilesFor } from './registry';
export { createNobleBn254, type NobleBn254Options } from './bn254-noble';
export { createJsBlake2f } from './blake2b-compress';
export { createWasmBlake2f, instantiateWasmBlake2f } from './blake2b-wasm';
export { createMicroEthSignerKzg, type KzgTrustedSetup } from './kzg-micro-eth-signer';
export { BLS_MODULUS, FIELD_ELEMENTS_PER_BLOB, kzgToVersionedHash, VERSIONED_HASH_VERSION_KZG } from './0x0a-point-evaluation';
