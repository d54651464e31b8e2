import { z } from 'zod';
import { byteString, quantity, word } from './quantities';

const blobParams = z.object({ target: z.number().int().nonnegative(), max: z.number().int().nonnegative(), baseFeeUpdateFraction: quantity });

const cliqueSchema = z.object({
  blockperiodseconds: z.number().int().positive().optional(),
  period: z.number().int().nonnegative().optional(),
  epochlength: quantity.optional(),
  epoch: quantity.optional(),
  createemptyblocks: z.boolean().optional(),
});

const bftSchema = z.object({
  blockperiodseconds: z.number().int().positive().optional(),
  epochlength: quantity.optional(),
  requesttimeoutseconds: z.number().int().positive().optional(),
  blockreward: quantity.optional(),
  miningbeneficiary: byteString(20).optional(),
  validatorcontractaddress: byteString(20).optional(),
});

/**
 * The `config` object of a geth/Besu genesis file. Keys are matched case-insensitively (as Besu
 * does) by `normalizeKeys` before this schema sees them, so they are listed here in lower case.
 */
export const genesisConfigSchema = z.object({
  chainid: quantity,
  homesteadblock: quantity.optional(),
  daoforkblock: quantity.optional(),
  daoforksupport: z.boolean().optional(),
  eip150block: quantity.optional(),
  eip155block: quantity.optional(),
  eip158block: quantity.optional(),
  byzantiumblock: quantity.optional(),
  constantinopleblock: quantity.optional(),
  petersburgblock: quantity.optional(),
  constantinoplefixblock: quantity.optional(),
  istanbulblock: quantity.optional(),
  muirglacierblock: quantity.optional(),
  berlinblock: quantity.optional(),
  londonblock: quantity.optional(),
  arrowglacierblock: quantity.optional(),
  grayglacierblock: quantity.optional(),
  mergenetsplitblock: quantity.optional(),
  terminaltotaldifficulty: quantity.optional(),
  shanghaitime: quantity.optional(),
  cancuntime: quantity.optional(),
  blobschedule: z.record(z.string(), blobParams).optional(),
  ethash: z.object({ fixeddifficulty: quantity.optional() }).optional(),
  clique: cliqueSchema.optional(),
  ibft2: bftSchema.optional(),
  qbft: bftSchema.optional(),
  dev: z.object({ blockperiodseconds: z.number().int().nonnegative().optional() }).optional(),
});

const accountSchema = z.object({
  balance: quantity.default(0n),
  nonce: quantity.default(0n),
  code: byteString().optional(),
  storage: z.record(z.string(), word).optional(),
  privatekey: byteString(32).optional(),
});

/** A geth/Besu genesis file, after `normalizeKeys`. */
export const genesisSchema = z.object({
  config: genesisConfigSchema,
  nonce: quantity.default(0n),
  timestamp: quantity.default(0n),
  extradata: byteString().default(() => new Uint8Array(0)),
  gaslimit: quantity,
  difficulty: quantity.default(0n),
  mixhash: byteString(32).optional(),
  coinbase: byteString(20).optional(),
  number: quantity.default(0n),
  gasused: quantity.default(0n),
  parenthash: byteString(32).optional(),
  basefeepergas: quantity.optional(),
  excessblobgas: quantity.optional(),
  blobgasused: quantity.optional(),
  parentbeaconblockroot: byteString(32).optional(),
  alloc: z.record(z.string(), accountSchema).default({}),
});

export type GenesisFileConfig = z.infer<typeof genesisConfigSchema>;
export type GenesisFile = z.infer<typeof genesisSchema>;

/**
 * Lower-cases object keys, as Besu reads genesis files case-insensitively. The keys of `alloc`
 * (addresses) and of each account's `storage` (slots) are data, not names, and keep their text.
 */
export function normalizeKeys(value: unknown, dataKeys = false): unknown {
  if (Array.isArray(value)) return value.map((v) => normalizeKeys(v));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const name = dataKeys ? key : key.toLowerCase();
    if (dataKeys) out[name] = normalizeKeys(child, false);
    else if (name === 'alloc') out[name] = normalizeKeys(child, true);
    else if (name === 'storage' || name === 'blobschedule') out[name] = child;
    else out[name] = normalizeKeys(child, false);
  }
  return out;
}
