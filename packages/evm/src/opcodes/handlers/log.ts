import { memoryRegion } from '../../interpreter/memory-gas';
import { Status } from '../../interpreter/status';
import type { Handler } from '../../table/instruction-table';
import { wordToBytes } from '../words';

/** LOG0..LOG4: 375 per topic is in the constant gas; 8 per data byte is charged here. */
export function makeLog(topicCount: number): Handler {
  return (f, i) => {
    if (f.isStatic) return f.halt(Status.StaticStateChange);
    const s = f.stack;
    const top = f.sp - 1;
    const size = s[top - 1];
    const offset = memoryRegion(f, s[top], size);
    if (offset < 0 || !f.charge(8 * Number(size))) return f.halt(Status.OutOfGas);
    const topics: Uint8Array[] = new Array(topicCount);
    for (let t = 0; t < topicCount; t++) topics[t] = wordToBytes(s[top - 2 - t]);
    f.sp -= 2 + topicCount;
    f.ctx.state.addLog({ address: f.account.addressBytes, topics, data: f.mem.read(offset, Number(size)) });
    return i + 1;
  };
}
