import type { Handler } from '../../table/instruction-table';

export const pop: Handler = (f, i) => {
  f.sp--;
  return i + 1;
};

/** PUSH0..PUSH32 and PC: the value was decoded in advance into the program's constants. */
export const pushConstant: Handler = (f, i) => {
  f.stack[f.sp++] = f.prog.consts[i];
  return i + 1;
};

export function makeDup(n: number): Handler {
  return (f, i) => {
    const s = f.stack;
    const sp = f.sp;
    s[sp] = s[sp - n];
    f.sp = sp + 1;
    return i + 1;
  };
}

export function makeSwap(n: number): Handler {
  return (f, i) => {
    const s = f.stack;
    const top = f.sp - 1;
    const other = top - n;
    const t = s[top];
    s[top] = s[other];
    s[other] = t;
    return i + 1;
  };
}
