import { Status } from '../../interpreter/status';
import { defineOp } from '../edit';
import type { Handler, TableBuilder } from '../instruction-table';

const tload: Handler = (f, i) => {
  const s = f.stack;
  const sp = f.sp - 1;
  s[sp] = f.ctx.state.transientGet(f.account, s[sp]);
  return i + 1;
};

const tstore: Handler = (f, i) => {
  if (f.isStatic) return f.halt(Status.StaticStateChange);
  const s = f.stack;
  const sp = (f.sp -= 2);
  f.ctx.state.transientSet(f.account, s[sp + 1], s[sp]);
  return i + 1;
};

/** EIP-1153 (Cancun): TLOAD and TSTORE, storage that lasts one transaction. */
export function enable1153(b: TableBuilder): void {
  defineOp(b, 0x5c, 100, tload);
  defineOp(b, 0x5d, 100, tstore);
}
