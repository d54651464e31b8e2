import type { Handler, TableBuilder } from './instruction-table';

/** An EIP's edit of a table under construction. */
export type Enabler = (b: TableBuilder) => void;

/** Defines (or redefines) an opcode. Omit the handler for the families built from rule records. */
export function defineOp(b: TableBuilder, op: number, gas: number, handler?: Handler): void {
  b.entries[op] = { gas, handler };
}

/** Changes an opcode's constant gas, keeping its handler; an opcode the fork lacks stays absent. */
export function reprice(b: TableBuilder, op: number, gas: number): void {
  const entry = b.entries[op];
  if (entry !== undefined) b.entries[op] = { gas, handler: entry.handler };
}
