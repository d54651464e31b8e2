export * from './cli/options';
export * from './cli/resolve-options';
export * from './cli/parse-argv';
export * from './dev/dev-accounts';
export * from './logging/logger';
export * from './lifecycle/service';
export * from './metrics/node-metrics';
export * from './metrics/metrics-service';
