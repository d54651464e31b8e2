import { JsonRpcError } from '../errors/json-rpc-error';
import { ExecutionRevertedError } from '../errors/revert';
import type { CallRequest } from '../schemas/call-request';
import type { StateOverride } from '../schemas/state-override';
import type { CallExecutor, CallOutcome } from './executor';
import type { BlockHeader } from '@cairn/chain';

/** The least any transaction costs. */
const TRANSACTION_GAS = 21000n;

/**
 * eth_estimateGas by search: run at the highest allowed gas (a revert there is the answer), then
 * try what that run used plus the 1/64 that calls withhold, then bisect between a gas that fails
 * and one that succeeds until they meet. Each probe is a full simulated call.
 */
export async function estimateGas(
  executor: CallExecutor,
  request: CallRequest,
  header: BlockHeader,
  cap: bigint,
  unavailable: () => Error,
  overrides?: StateOverride,
): Promise<bigint> {
  const run = async (gas: bigint): Promise<CallOutcome> => {
    const outcome = await executor.call(request, header, { gas, overrides });
    if (outcome === undefined) throw unavailable();
    return outcome;
  };
  let hi = request.gas !== undefined && request.gas < cap ? request.gas : cap;
  const first = await run(hi);
  if (first.status === 'revert') throw new ExecutionRevertedError(first.returnData);
  if (first.status === 'halt') throw new JsonRpcError(-32000, `gas required exceeds allowance (${hi}): ${first.reason}`);
  let lo = TRANSACTION_GAS - 1n;
  const guess = (first.gasUsed * 64n) / 63n;
  if (guess < hi) {
    if ((await run(guess)).status === 'success') hi = guess;
    else lo = guess;
  }
  while (lo + 1n < hi) {
    const mid = (lo + hi) / 2n;
    if ((await run(mid)).status === 'success') hi = mid;
    else lo = mid;
  }
  return hi;
}
