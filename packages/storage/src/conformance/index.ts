import { basicCases } from './basic';
import { batchCases } from './batches';
import type { ConformanceCase } from './case';
import { iterationCases } from './iteration';
import { lifecycleCases } from './lifecycle';
import { segmentCases } from './segments';

export type { ConformanceCase } from './case';

/**
 * The checks every `KeyValueStore` adapter must pass (memory and LevelDB here; PostgreSQL and any
 * other later). Run each case with a factory of fresh stores, for example with vitest:
 * `for (const c of keyValueStoreConformance) it(c.name, () => c.run(openFreshStore))`.
 */
export const keyValueStoreConformance: readonly ConformanceCase[] = [...basicCases, ...batchCases, ...iterationCases, ...lifecycleCases, ...segmentCases];
