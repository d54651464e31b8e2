export * from './errors';
export * from './interfaces';
export * from './segments';
export * from './memory-store';
export * from './leveldb-store';
export * from './conformance/index';
