import { describe, it } from 'vitest';
import { keyValueStoreConformance } from './conformance/index';
import { MemoryStore } from './memory-store';

describe('MemoryStore conformance', () => {
  for (const c of keyValueStoreConformance) it(c.name, () => c.run(async () => new MemoryStore()));
});
