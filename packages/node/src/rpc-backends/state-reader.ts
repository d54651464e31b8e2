import type { Blockchain, BlockHeader } from '@cairn/chain';
import { bytesToBigInt } from '@cairn/common';
import type { StateReader, StateView } from '@cairn/rpc';
import { readRetained, retainedState } from './retained-state';

/** Account state by block for the RPC state methods, over the chain's world state. */
export class WorldStateReader implements StateReader {
  constructor(private readonly chain: Blockchain) {}

  async stateAt(header: BlockHeader): Promise<StateView | undefined> {
    const state = await retainedState(this.chain, header);
    if (state === undefined) return undefined;
    const account = (address: Uint8Array) => readRetained(header, () => state.getAccount(address));
    return {
      balance: async (address) => (await account(address))?.balance ?? 0n,
      nonce: async (address) => (await account(address))?.nonce ?? 0n,
      code: async (address) => {
        const found = await account(address);
        return found === undefined ? new Uint8Array(0) : readRetained(header, () => state.getCode(found.codeHash));
      },
      storage: (address, slot) => readRetained(header, () => state.getStorage(address, bytesToBigInt(slot))),
    };
  }
}
