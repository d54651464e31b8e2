export * from './errors';
export * from './empty-root';
export * from './account';
export * from './trie';
export * from './secure-trie';
export type { IterateOptions } from './core/iterate';
