import type { TableBuilder } from '../instruction-table';

/** EIP-1283 (Constantinople only, removed by Petersburg): net gas metering for SSTORE. */
export function enable1283(b: TableBuilder): void {
  b.sstore = { ...b.sstore, scheme: 'net', sentry: false, noopGas: 200, setGas: 20000, resetGas: 5000, clearRefund: 15000 };
}
