import { bigintToFixedBytes, bytesToBigInt, bytesToHex, type Hash256, KECCAK256_EMPTY } from '@cairn/common';
import type { StateReader } from '@cairn/evm';
import { type AccountOverride, invalidParams, type StateOverride } from '@cairn/rpc';
import { type Account, EMPTY_TRIE_ROOT } from '@cairn/trie';

/**
 * The storage root an overridden account reports when its storage is not empty. The EVM's state
 * only asks whether an account's storage is known empty (to skip reads, and for EIP-7610's
 * collision rule); the real root of overridden storage is never needed, so any value other than
 * the empty root says "not empty".
 */
const NOT_EMPTY_STORAGE = new Uint8Array(32).fill(0xee);

/**
 * A state with eth_call's state overrides (geth's override set) applied on top: `balance`,
 * `nonce` and `code` replace the account's, `state` replaces its whole storage and `stateDiff`
 * the listed slots. `movePrecompileToAddress` is refused with invalid params: moving a
 * precompile needs the EVM's precompile set changed per call, which Cairn does not offer.
 */
export class OverriddenState implements StateReader {
  readonly #overrides = new Map<string, AccountOverride>();
  /** Overridden code by its hash, and each overridden account's code hash. */
  readonly #code = new Map<string, Uint8Array>();
  readonly #codeHashes = new Map<string, Uint8Array>();

  constructor(
    private readonly base: StateReader,
    overrides: StateOverride,
    hash: Hash256,
  ) {
    for (const { address, override } of overrides.values()) {
      if (override.movePrecompileToAddress !== undefined) throw invalidParams('state override movePrecompileToAddress is not supported by Cairn');
      this.#overrides.set(bytesToHex(address), override);
      if (override.code === undefined) continue;
      const codeHash = hash(override.code);
      this.#code.set(bytesToHex(codeHash), override.code);
      this.#codeHashes.set(bytesToHex(address), codeHash);
    }
  }

  async getAccount(address: Uint8Array): Promise<Account | undefined> {
    const account = await this.base.getAccount(address);
    const key = bytesToHex(address);
    const override = this.#overrides.get(key);
    if (override === undefined) return account;
    let storageRoot = account?.storageRoot ?? EMPTY_TRIE_ROOT;
    if (override.state !== undefined) storageRoot = override.state.size > 0 ? NOT_EMPTY_STORAGE : EMPTY_TRIE_ROOT;
    else if (override.stateDiff !== undefined && override.stateDiff.size > 0) storageRoot = NOT_EMPTY_STORAGE;
    return {
      nonce: override.nonce ?? account?.nonce ?? 0n,
      balance: override.balance ?? account?.balance ?? 0n,
      codeHash: this.#codeHashes.get(key) ?? account?.codeHash ?? KECCAK256_EMPTY,
      storageRoot,
    };
  }

  async getStorage(address: Uint8Array, slot: bigint): Promise<bigint> {
    const override = this.#overrides.get(bytesToHex(address));
    const key = bytesToHex(bigintToFixedBytes(slot, 32));
    if (override?.state !== undefined) return slotValue(override.state.get(key));
    const changed = override?.stateDiff?.get(key);
    return changed === undefined ? this.base.getStorage(address, slot) : bytesToBigInt(changed);
  }

  async getCode(codeHash: Uint8Array): Promise<Uint8Array> {
    return this.#code.get(bytesToHex(codeHash)) ?? this.base.getCode(codeHash);
  }
}

function slotValue(value: Uint8Array | undefined): bigint {
  return value === undefined ? 0n : bytesToBigInt(value);
}
