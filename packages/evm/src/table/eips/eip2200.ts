import type { TableBuilder } from '../instruction-table';

/** EIP-2200 (Istanbul): net gas metering for SSTORE at the EIP-1884 prices, with the 2300 sentry. */
export function enable2200(b: TableBuilder): void {
  b.sstore = { ...b.sstore, scheme: 'net', sentry: true, noopGas: 800, setGas: 20000, resetGas: 5000, clearRefund: 15000 };
}
