import { z } from 'zod';
import { Address, Data, Hash32, Quantity, Uint64 } from './primitives';

const StorageMap = z.record(z.string(), Hash32).transform((entries, ctx) => {
  const out = new Map<string, Uint8Array>();
  for (const [slot, value] of Object.entries(entries)) {
    const key = Hash32.safeParse(slot);
    if (!key.success) {
      ctx.addIssue({ code: 'custom', message: `storage slot ${key.error.issues[0].message}`, path: [slot] });
      return z.NEVER;
    }
    out.set(slot.toLowerCase(), value);
  }
  return out;
});

/** What eth_call may change about one account before running (geth's state override set). */
export interface AccountOverride {
  readonly balance?: bigint;
  readonly nonce?: bigint;
  readonly code?: Uint8Array;
  /** Replaces the whole storage; keys are lower-case 32-byte slot hex. */
  readonly state?: ReadonlyMap<string, Uint8Array>;
  /** Changes only the given slots. */
  readonly stateDiff?: ReadonlyMap<string, Uint8Array>;
  readonly movePrecompileToAddress?: Uint8Array;
}

const AccountOverrideSchema = z
  .strictObject({
    balance: Quantity.optional(),
    nonce: Uint64.optional(),
    code: Data.optional(),
    state: StorageMap.optional(),
    stateDiff: StorageMap.optional(),
    movePrecompileToAddress: Address.optional(),
  })
  .refine((o) => o.state === undefined || o.stateDiff === undefined, {
    message: 'state and stateDiff are mutually exclusive',
    path: ['stateDiff'],
  });

/** Address (lower-case hex) → override, as eth_call's third parameter. */
export const StateOverrideSchema = z.record(z.string(), AccountOverrideSchema).transform((entries, ctx) => {
  const out = new Map<string, { address: Uint8Array; override: AccountOverride }>();
  for (const [key, override] of Object.entries(entries)) {
    const address = Address.safeParse(key);
    if (!address.success) {
      ctx.addIssue({ code: 'custom', message: address.error.issues[0].message, path: [key] });
      return z.NEVER;
    }
    out.set(key.toLowerCase(), { address: address.data, override });
  }
  return out;
});
export type StateOverride = z.output<typeof StateOverrideSchema>;
