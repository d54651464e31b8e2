import { z } from 'zod';
import { type BlockParameter, BlockNumberOrTag } from './block-parameter';
import { byType } from './by-type';
import { Address, Hash32 } from './primitives';

/** Topics a log must carry: per position, null matches anything, else any of the listed topics. */
export type TopicFilter = readonly (readonly Uint8Array[] | null)[];

/** Which logs a filter, subscription or eth_getLogs call selects. */
export interface LogCriteria {
  /** Empty: any address. */
  readonly addresses: readonly Uint8Array[];
  readonly topics: TopicFilter;
}

/** A filter object of eth_newFilter / eth_getLogs: a block range or a block hash, plus criteria. */
export interface LogFilter extends LogCriteria {
  readonly fromBlock?: BlockParameter;
  readonly toBlock?: BlockParameter;
  readonly blockHash?: Uint8Array;
}

/** geth and Besu match at most four topic positions (LOG4). */
export const MAX_TOPICS = 4;

const Addresses = byType<Uint8Array[]>(
  { string: Address.transform((a) => [a]), array: z.array(Address) },
  'an address or an array of addresses',
);

const AnyTopic = z.null().transform(() => null);

/** One position: null (any), a topic, or an OR-array in which a null also means "any". */
const TopicPosition = byType<Uint8Array[] | null>(
  {
    null: AnyTopic,
    string: Hash32.transform((t) => [t]),
    array: z
      .array(byType<Uint8Array | null>({ null: AnyTopic, string: Hash32 }, 'null or a 32-byte topic'))
      .transform((alternatives) => (alternatives.some((t) => t === null) ? null : (alternatives as Uint8Array[]))),
  },
  'null, a 32-byte topic, or an array of them',
);

const Topics = z.array(TopicPosition).max(MAX_TOPICS, `at most ${MAX_TOPICS} topic positions are allowed`);

/** Address and topics only, as the `logs` subscription takes them. */
export const LogCriteriaSchema = z
  .strictObject({ address: Addresses.optional(), topics: Topics.optional() })
  .transform((f): LogCriteria => ({ addresses: f.address ?? [], topics: f.topics ?? [] }));

export const LogFilterSchema = z
  .strictObject({
    fromBlock: BlockNumberOrTag.optional(),
    toBlock: BlockNumberOrTag.optional(),
    blockHash: Hash32.optional(),
    address: Addresses.optional(),
    topics: Topics.optional(),
  })
  .transform((f, ctx): LogFilter => {
    if (f.blockHash !== undefined && (f.fromBlock !== undefined || f.toBlock !== undefined)) {
      ctx.addIssue({ code: 'custom', message: 'blockHash cannot be combined with fromBlock or toBlock', path: ['blockHash'] });
      return z.NEVER;
    }
    const criteria = { addresses: f.address ?? [], topics: f.topics ?? [] };
    if (f.blockHash !== undefined) return { ...criteria, blockHash: f.blockHash };
    return { ...criteria, fromBlock: f.fromBlock, toBlock: f.toBlock };
  });
