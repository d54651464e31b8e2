export * from './errors';
export * from './empty-root';
export * from './account';
export * from './trie';
export * from './store/node-store';
export type { TrieCommit } from './store/commit';
export * from './secure-trie';
export type { IterateOptions } from './core/iterate';
export * from './verify-proof';
