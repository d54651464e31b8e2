import { bytesToBigInt, bytesToHex, ChainConfig, type Fork, keccak256, rlpEncode } from '@cairn/common';
import { type Evm, JournaledState, type Log, MemoryState, runTransaction, TransactionError } from '@cairn/evm';
import { blockEnvOf, loadPreState, type PostCase, type StateTestJson, transactionOf } from './fixture';

/** keccak256 of the RLP of the logs, as the fixtures' `logs` field holds it. */
export function logsHash(logs: readonly Log[]): string {
  return bytesToHex(keccak256(rlpEncode(logs.map((log) => [log.address, [...log.topics], log.data]))));
}

/**
 * Whether a fixture was filled before the retroactive EIP-3607 (2021) and EIP-7610 existed:
 * such fixtures (ethereum/tests v7, filled by geth 1.9 and Besu 1.x) send transactions from
 * accounts with code and create over accounts with storage. Decided by the filler the fixture
 * names, never by its expected results.
 */
export function filledBeforeRetroactiveEips(test: Pick<StateTestJson, '_info'>): boolean {
  const filler = test._info?.['filling-rpc-server'] ?? '';
  return /^(Geth-1\.9\.|besu\/v1\.)/.test(filler);
}

/**
 * Runs one post case: the pre-state in memory, the transaction of the case's indexes, then the
 * post-state root and the logs hash compared with the fixture's. A case that expects an exception
 * passes when the transaction is rejected and the state is left as it was. Returns the failure
 * reason, or undefined when the case passes.
 */
export async function runStateCase(evm: Evm, test: StateTestJson, fork: Fork, post: PostCase): Promise<string | undefined> {
  const rules = ChainConfig.forFork(fork).rulesFor(fork);
  const world = new MemoryState();
  loadPreState(world, test.pre);
  const state = new JournaledState(world, evm.hasher);
  const block = blockEnvOf(test.env, evm.hasher);
  let logs: readonly Log[] = [];
  let rejection: TransactionError | undefined;
  try {
    const result = await runTransaction(evm, state, transactionOf(test.transaction, post.indexes), block, rules);
    logs = result.logs;
  } catch (error) {
    if (!(error instanceof TransactionError)) throw error;
    rejection = error;
  }
  if (post.expectException !== undefined && rejection === undefined) return `expected the transaction to be rejected (${post.expectException}), but it ran`;
  if (post.expectException === undefined && rejection !== undefined) return `the transaction was rejected: ${rejection.code}: ${rejection.message}`;
  // The reference runner credits the coinbase with zero after the transaction, valid or not: it
  // creates an absent coinbase before EIP-161 and removes an empty one after.
  const coinbase = await state.load(bytesToBigInt(block.coinbase));
  state.setBalance(coinbase, coinbase.balance);
  state.finishTransaction(rules.has(161));
  world.commit(state.changes());
  const root = bytesToHex(await world.root());
  if (root !== post.hash) return `post-state root ${root}, expected ${post.hash}`;
  const hash = logsHash(logs);
  if (hash !== post.logs) return `logs hash ${hash}, expected ${post.logs}`;
  return undefined;
}
