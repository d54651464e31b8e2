import type { CallRequest } from '../schemas/call-request';
import type { StateOverride } from '../schemas/state-override';
import type { AccessList, BlockHeader } from '@cairn/chain';

/** How a simulated call ended. */
export type CallOutcome =
  | { readonly status: 'success'; readonly returnData: Uint8Array; readonly gasUsed: bigint; readonly accessList?: AccessList }
  | { readonly status: 'revert'; readonly returnData: Uint8Array; readonly gasUsed: bigint; readonly accessList?: AccessList }
  /** An exceptional halt: out of gas, invalid opcode, stack under- or overflow, and so on. */
  | { readonly status: 'halt'; readonly reason: string; readonly gasUsed: bigint; readonly accessList?: AccessList };

export interface CallOptions {
  /** Gas for the call (already bounded by the caller's cap). */
  readonly gas: bigint;
  readonly overrides?: StateOverride;
  /**
   * Record the accounts and slots the call touched, except the sender, the recipient and the
   * precompiles (the access list geth's tracer builds), into `accessList`.
   */
  readonly traceAccessList?: boolean;
}

/**
 * Runs calls on the state after a block, in the context of the block that would follow it,
 * without keeping any change. Pre-execution refusals (the sender cannot pay for gas and value,
 * say) throw a `JsonRpcError`.
 */
export interface CallExecutor {
  /** The outcome, or undefined when the state of `header` is no longer retained. */
  call(request: CallRequest, header: BlockHeader, options: CallOptions): Promise<CallOutcome | undefined>;
}
