import type { AccountChange, StateReader } from '@cairn/trie';

export type { AccountChange, StateReader };

/**
 * What the EVM reads a world state through: accounts, storage slots and code by hash. The
 * trie's `StateReader` (a world state at one root) is one; so is `MemoryState`, which has no
 * root until asked to compute one.
 */
export type AccountReader = Pick<StateReader, 'getAccount' | 'getStorage' | 'getCode'>;
