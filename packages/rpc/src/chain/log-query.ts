import { minBigInt } from '../format/bigint';
import { RpcErrors } from '../errors/application-errors';
import { matchesCriteria, type RpcLog } from '../events/rpc-log';
import { positionedLogs } from '../format/receipt';
import type { BlockParameter } from '../schemas/block-parameter';
import type { LogCriteria, LogFilter } from '../schemas/filter';
import type { ChainReader } from './backend';
import { BlockResolver } from './block-resolver';
import { type BlockHeader, bloomMightContain } from '@cairn/chain';

/** Besu's --rpc-max-logs-range default. */
export const DEFAULT_MAX_LOGS_RANGE = 5000n;

/** Whether a header's bloom admits logs matching the criteria (any listed address, each topic position). */
function bloomAdmits(header: BlockHeader, criteria: LogCriteria): boolean {
  const bloom = header.logsBloom;
  if (criteria.addresses.length > 0 && !criteria.addresses.some((a) => bloomMightContain(bloom, a))) return false;
  return criteria.topics.every((position) => position === null || position.some((t) => bloomMightContain(bloom, t)));
}

/**
 * eth_getLogs over the block store: a block hash or a canonical range (defaults `latest`, the end
 * clamped to the head, at most `maxRange` blocks), skipping blocks whose bloom rules the filter
 * out and reading receipts only of the others.
 */
export class LogQuery {
  readonly #chain: ChainReader;
  readonly #resolver: BlockResolver;
  readonly #maxRange: bigint;

  constructor(chain: ChainReader, maxRange: bigint = DEFAULT_MAX_LOGS_RANGE) {
    this.#chain = chain;
    this.#resolver = new BlockResolver(chain);
    this.#maxRange = maxRange;
  }

  async logs(filter: LogFilter): Promise<RpcLog[]> {
    if (filter.blockHash !== undefined) {
      const header = await this.#chain.headerByHash(filter.blockHash);
      if (header === undefined) throw RpcErrors.blockNotFound();
      return this.#logsOf(header, filter);
    }
    const head = await this.#chain.head();
    const start = await this.#number(filter.fromBlock);
    const requestedEnd = await this.#number(filter.toBlock);
    const end = minBigInt(requestedEnd, head.number);
    if (start > end) return [];
    if (end - start + 1n > this.#maxRange) throw RpcErrors.exceedsRangeLimit(this.#maxRange);
    const out: RpcLog[] = [];
    for (let number = start; number <= end; number++) {
      const header = await this.#chain.headerByNumber(number);
      if (header !== undefined) out.push(...(await this.#logsOf(header, filter)));
    }
    return out;
  }

  /** A range bound as a number: numbers as given (possibly past the head), tags resolved, default latest. */
  async #number(parameter: BlockParameter | undefined): Promise<bigint> {
    if (parameter?.kind === 'number') return parameter.number;
    return (await this.#resolver.require(parameter ?? { kind: 'tag', tag: 'latest' })).number;
  }

  async #logsOf(header: BlockHeader, criteria: LogCriteria): Promise<RpcLog[]> {
    if (!bloomAdmits(header, criteria)) return [];
    const [block, receipts] = await Promise.all([this.#chain.blockByHash(header.hash()), this.#chain.receipts(header.hash())]);
    if (block === undefined || receipts === undefined) return [];
    return positionedLogs(block, receipts).filter((log) => matchesCriteria(log, criteria));
  }
}
