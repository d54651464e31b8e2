export * from './epoch';
export * from './cache';
export * from './cache-lru';
export * from './dataset-item';
export * from './hashimoto';
export * from './ethash';
export * from './ethash-engine';
export * from './rewards';
