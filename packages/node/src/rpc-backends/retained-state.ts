import type { Blockchain, BlockHeader } from '@cairn/chain';
import { RpcErrors } from '@cairn/rpc';
import { StateNotAvailableError, type StoredState } from '@cairn/trie';

const PROBE = new Uint8Array(20);

/**
 * The state after `header`, or undefined when it is no longer retained (pruned) or was never
 * stored. The first read of a stored state checks its root node in the store, so one read tells.
 */
export async function retainedState(chain: Blockchain, header: BlockHeader): Promise<StoredState | undefined> {
  const state = chain.stateAt(header);
  try {
    await state.getAccount(PROBE);
    return state;
  } catch (error) {
    if (error instanceof StateNotAvailableError) return undefined;
    throw error;
  }
}

/**
 * Runs a read of a retained state; if pruning removed the state while the read ran, the caller
 * gets RPC's "World state unavailable" naming the block rather than an internal error.
 */
export async function readRetained<T>(header: BlockHeader, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof StateNotAvailableError) throw RpcErrors.worldStateUnavailable(`the state of block ${header.number} is no longer retained`);
    throw error;
  }
}
