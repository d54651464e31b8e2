export * from './precompiles/index';
