import { bigintToHex, bytesToHex } from '@cairn/common';
import { z } from 'zod';
import type { ChainReader } from '../chain/backend';
import { BlockResolver } from '../chain/block-resolver';
import type { CallExecutor, CallOutcome } from '../chain/executor';
import { estimateGas } from '../chain/gas-estimator';
import type { AccessList, BlockHeader } from '@cairn/chain';
import { RpcErrors } from '../errors/application-errors';
import { JsonRpcError } from '../errors/json-rpc-error';
import { ExecutionRevertedError } from '../errors/revert';
import { defineMethod, type RpcMethod } from '../registry/method';
import { type BlockParameter, BlockParameterSchema } from '../schemas/block-parameter';
import { type CallRequest, CallRequestSchema } from '../schemas/call-request';
import { StateOverrideSchema } from '../schemas/state-override';

export interface EthCallDependencies {
  readonly chain: ChainReader;
  readonly executor: CallExecutor;
  /** Most gas a call may use (Besu's --rpc-gas-cap); the block's gas limit when absent or 0. */
  readonly gasCap?: bigint;
}

/** geth re-runs the access-list tracer until the list stops changing; a few rounds always suffice. */
const MAX_ACCESS_LIST_ROUNDS = 10;

const Call = CallRequestSchema.describe('transaction');
const Block = BlockParameterSchema.optional().describe('block');
const Overrides = StateOverrideSchema.optional().describe('state overrides');

function sameAccessList(a: AccessList, b: AccessList): boolean {
  const key = (list: AccessList) =>
    JSON.stringify(list.map((e) => [bytesToHex(e.address), e.storageKeys.map(bytesToHex)]));
  return key(a) === key(b);
}

function formatAccessList(list: AccessList) {
  return list.map((e) => ({ address: bytesToHex(e.address), storageKeys: e.storageKeys.map(bytesToHex) }));
}

/**
 * eth_call (with geth-style state overrides), eth_estimateGas and eth_createAccessList over the
 * node's call executor. A revert is code 3 with the revert data; a halt is -32000 with its reason.
 */
export function ethCallMethods(deps: EthCallDependencies): RpcMethod[] {
  const resolver = new BlockResolver(deps.chain);
  const unavailable = (header: BlockHeader) => () => RpcErrors.worldStateUnavailable(`the state of block ${header.number} is no longer retained`);
  const capFor = (header: BlockHeader) => (deps.gasCap !== undefined && deps.gasCap > 0n ? deps.gasCap : header.gasLimit);
  const gasFor = (request: CallRequest, header: BlockHeader) => {
    const cap = capFor(header);
    return request.gas !== undefined && request.gas < cap ? request.gas : cap;
  };
  const headerAt = (block: BlockParameter | undefined) => resolver.require(block ?? { kind: 'tag', tag: 'latest' });

  async function run(request: CallRequest, header: BlockHeader, options: Parameters<CallExecutor['call']>[2]): Promise<CallOutcome> {
    const outcome = await deps.executor.call(request, header, options);
    if (outcome === undefined) throw unavailable(header)();
    return outcome;
  }

  return [
    defineMethod({
      name: 'eth_call',
      namespace: 'ETH',
      params: z.tuple([Call, Block, Overrides]),
      handler: async ([request, block, overrides]) => {
        const header = await headerAt(block);
        const outcome = await run(request, header, { gas: gasFor(request, header), overrides });
        if (outcome.status === 'revert') throw new ExecutionRevertedError(outcome.returnData);
        if (outcome.status === 'halt') throw new JsonRpcError(-32000, outcome.reason);
        return bytesToHex(outcome.returnData);
      },
    }),
    defineMethod({
      name: 'eth_estimateGas',
      namespace: 'ETH',
      params: z.tuple([Call, Block, Overrides]),
      handler: async ([request, block, overrides]) => {
        const header = await headerAt(block);
        return bigintToHex(await estimateGas(deps.executor, request, header, capFor(header), unavailable(header), overrides));
      },
    }),
    defineMethod({
      name: 'eth_createAccessList',
      namespace: 'ETH',
      params: z.tuple([Call, Block]),
      handler: async ([request, block]) => {
        const header = await headerAt(block);
        let list: AccessList = request.accessList ?? [];
        let outcome: CallOutcome;
        for (let round = 1; ; round++) {
          outcome = await run({ ...request, accessList: list }, header, { gas: gasFor(request, header), traceAccessList: true });
          const found = outcome.accessList ?? [];
          const settled = sameAccessList(found, list);
          list = found;
          if (settled || round >= MAX_ACCESS_LIST_ROUNDS) break;
        }
        const result: Record<string, unknown> = { accessList: formatAccessList(list), gasUsed: bigintToHex(outcome.gasUsed) };
        if (outcome.status === 'revert') result.error = new ExecutionRevertedError(outcome.returnData).message;
        if (outcome.status === 'halt') result.error = outcome.reason;
        return result;
      },
    }),
  ];
}
