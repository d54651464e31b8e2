import { bigintToFixedBytes, bytesToHex } from '@cairn/common';
import type { StateReader } from '../../src/chain/backend';
import type { CallExecutor, CallOptions, CallOutcome } from '../../src/chain/executor';
import type { BlockHeader } from '@cairn/chain';
import { JsonRpcError } from '../../src/errors/json-rpc-error';
import type { CallRequest } from '../../src/schemas/call-request';

export const OTHER = new Uint8Array(20).fill(0x0e);
const SLOT0 = new Uint8Array(32);

/**
 * A call executor over a toy machine, enough to exercise the call methods for real: the callee's
 * code decides. Code starting 0xfd reverts with the rest as data. Other code needs
 * 21000 + 100 per code byte of gas, plus 2000 unless OTHER is in the access list, and returns
 * storage slot 0 of the callee; code starting 0x54 also touches OTHER's slot code[1].
 * State overrides (balance, code, stateDiff) apply before the run.
 */
export class ToyExecutor implements CallExecutor {
  readonly #state: StateReader;
  calls = 0;

  constructor(state: StateReader) {
    this.#state = state;
  }

  async call(request: CallRequest, header: BlockHeader, options: CallOptions): Promise<CallOutcome | undefined> {
    this.calls++;
    const state = await this.#state.stateAt(header);
    if (state === undefined) return undefined;
    const to = request.to ?? new Uint8Array(20);
    const override = options.overrides?.get(bytesToHex(to))?.override;
    const from = request.from ?? new Uint8Array(20);
    const fromOverride = options.overrides?.get(bytesToHex(from))?.override;
    const balance = fromOverride?.balance ?? (await state.balance(from));
    if ((request.value ?? 0n) > balance) throw new JsonRpcError(-32000, 'insufficient funds for gas * price + value');
    const code = override?.code ?? (await state.code(to));
    if (code[0] === 0xfd) return { status: 'revert', returnData: code.subarray(1), gasUsed: 21000n };
    const warm = (request.accessList ?? []).some((e) => bytesToHex(e.address) === bytesToHex(OTHER));
    const needed = 21000n + 100n * BigInt(code.length) + (warm ? 0n : 2000n);
    const accessList = code[0] === 0x54 ? [{ address: OTHER, storageKeys: [bigintToFixedBytes(BigInt(code[1] ?? 0), 32)] }] : [];
    const traced = options.traceAccessList ? { accessList } : {};
    if (options.gas < needed) return { status: 'halt', reason: 'out of gas', gasUsed: options.gas, ...traced };
    const slot = override?.stateDiff?.get(bytesToHex(SLOT0)) ?? bigintToFixedBytes(await state.storage(to, SLOT0), 32);
    return { status: 'success', returnData: slot, gasUsed: needed, ...traced };
  }
}
