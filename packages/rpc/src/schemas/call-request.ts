import { equalBytes } from '@cairn/common';
import { z } from 'zod';
import { Address, Data, Hash32, Quantity, quantity, Uint64 } from './primitives';

/** One EIP-2930 access-list entry. */
export const AccessListEntry = z.strictObject({ address: Address, storageKeys: z.array(Hash32) });

/** Keys set to JSON null count as absent, as geth reads them. */
function withoutNulls(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

const Fields = z.object({
  from: Address.optional(),
  to: Address.optional(),
  gas: Uint64.optional(),
  gasPrice: Quantity.optional(),
  maxFeePerGas: Quantity.optional(),
  maxPriorityFeePerGas: Quantity.optional(),
  maxFeePerBlobGas: Quantity.optional(),
  value: Quantity.optional(),
  input: Data.optional(),
  data: Data.optional(),
  nonce: Uint64.optional(),
  chainId: Quantity.optional(),
  type: quantity(8).optional(),
  accessList: z.array(AccessListEntry).optional(),
  blobVersionedHashes: z.array(Hash32).optional(),
});

/** The transaction-like object of eth_call, eth_estimateGas and eth_createAccessList. */
export interface CallRequest {
  readonly from?: Uint8Array;
  /** Absent for contract creation. */
  readonly to?: Uint8Array;
  readonly gas?: bigint;
  readonly gasPrice?: bigint;
  readonly maxFeePerGas?: bigint;
  readonly maxPriorityFeePerGas?: bigint;
  readonly maxFeePerBlobGas?: bigint;
  readonly value?: bigint;
  /** `input`, or its older name `data`. */
  readonly input?: Uint8Array;
  readonly nonce?: bigint;
  readonly chainId?: bigint;
  readonly type?: bigint;
  readonly accessList?: readonly { readonly address: Uint8Array; readonly storageKeys: readonly Uint8Array[] }[];
  readonly blobVersionedHashes?: readonly Uint8Array[];
}

/**
 * A call object with legacy and EIP-1559 fee fields (never both), `input` or `data` (equal when
 * both are given), access list and blob fields.
 */
export const CallRequestSchema = z.preprocess(
  withoutNulls,
  Fields.transform((fields, ctx): CallRequest => {
    const { data, input, ...rest } = fields;
    if (data !== undefined && input !== undefined && !equalBytes(data, input)) {
      ctx.addIssue({ code: 'custom', message: 'both "data" and "input" are set and differ', path: ['input'] });
      return z.NEVER;
    }
    if (rest.gasPrice !== undefined && (rest.maxFeePerGas !== undefined || rest.maxPriorityFeePerGas !== undefined)) {
      ctx.addIssue({ code: 'custom', message: 'gasPrice cannot be combined with maxFeePerGas or maxPriorityFeePerGas', path: ['gasPrice'] });
      return z.NEVER;
    }
    const payload = input ?? data;
    return payload === undefined ? rest : { ...rest, input: payload };
  }),
);
