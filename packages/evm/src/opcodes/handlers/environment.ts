import { bytesToBigInt } from '@cairn/common';
import { SUSPEND } from '../../interpreter/status';
import type { Handler } from '../../table/instruction-table';

/** Handlers that push one value from the frame, the transaction or the block. */

export const address: Handler = (f, i) => {
  f.stack[f.sp++] = f.address;
  return i + 1;
};

export const origin: Handler = (f, i) => {
  f.stack[f.sp++] = f.ctx.tx.origin;
  return i + 1;
};

export const caller: Handler = (f, i) => {
  f.stack[f.sp++] = f.caller;
  return i + 1;
};

export const callvalue: Handler = (f, i) => {
  f.stack[f.sp++] = f.value;
  return i + 1;
};

export const calldataload: Handler = (f, i) => {
  const s = f.stack;
  const sp = f.sp - 1;
  const offset = s[sp];
  const data = f.data;
  if (offset >= BigInt(data.length)) {
    s[sp] = 0n;
  } else {
    const start = Number(offset);
    const end = Math.min(start + 32, data.length);
    const value = bytesToBigInt(data.subarray(start, end));
    s[sp] = end - start === 32 ? value : value << BigInt(8 * (32 - (end - start)));
  }
  return i + 1;
};

export const calldatasize: Handler = (f, i) => {
  f.stack[f.sp++] = BigInt(f.data.length);
  return i + 1;
};

export const codesize: Handler = (f, i) => {
  f.stack[f.sp++] = BigInt(f.prog.code.length);
  return i + 1;
};

export const gasprice: Handler = (f, i) => {
  f.stack[f.sp++] = f.ctx.tx.gasPrice;
  return i + 1;
};

export const returndatasize: Handler = (f, i) => {
  f.stack[f.sp++] = BigInt(f.returnData.length);
  return i + 1;
};

export const gas: Handler = (f, i) => {
  f.stack[f.sp++] = f.gasLeft();
  return i + 1;
};

export const coinbase: Handler = (f, i) => {
  f.stack[f.sp++] = f.ctx.block.coinbase;
  return i + 1;
};

export const timestamp: Handler = (f, i) => {
  f.stack[f.sp++] = f.ctx.block.timestamp;
  return i + 1;
};

export const number: Handler = (f, i) => {
  f.stack[f.sp++] = f.ctx.block.number;
  return i + 1;
};

export const difficulty: Handler = (f, i) => {
  f.stack[f.sp++] = f.ctx.block.difficulty;
  return i + 1;
};

/** PREVRANDAO (EIP-4399) replaces DIFFICULTY at the Merge. */
export const prevrandao: Handler = (f, i) => {
  f.stack[f.sp++] = f.ctx.block.prevRandao;
  return i + 1;
};

export const gaslimit: Handler = (f, i) => {
  f.stack[f.sp++] = f.ctx.block.gasLimit;
  return i + 1;
};

/** CHAINID (EIP-1344). */
export const chainid: Handler = (f, i) => {
  f.stack[f.sp++] = f.ctx.rules.chainId;
  return i + 1;
};

/** SELFBALANCE (EIP-1884): the executing account is always loaded. */
export const selfbalance: Handler = (f, i) => {
  f.stack[f.sp++] = f.account.balance;
  return i + 1;
};

/** BASEFEE (EIP-3198). */
export const basefee: Handler = (f, i) => {
  f.stack[f.sp++] = f.ctx.block.baseFee;
  return i + 1;
};

/** BLOBHASH (EIP-4844): the versioned hash at an index, zero past the end. */
export const blobhash: Handler = (f, i) => {
  const s = f.stack;
  const sp = f.sp - 1;
  const hashes = f.ctx.tx.blobHashes;
  s[sp] = s[sp] < BigInt(hashes.length) ? hashes[Number(s[sp])] : 0n;
  return i + 1;
};

/** BLOBBASEFEE (EIP-7516). */
export const blobbasefee: Handler = (f, i) => {
  f.stack[f.sp++] = f.ctx.block.blobBaseFee;
  return i + 1;
};

/** BLOCKHASH: the hash of one of the 256 most recent blocks, else zero. */
export const blockhash: Handler = (f, i) => {
  const s = f.stack;
  const sp = f.sp - 1;
  const requested = s[sp];
  const current = f.ctx.block.number;
  if (requested >= current || requested + 256n < current) {
    s[sp] = 0n;
    return i + 1;
  }
  const hash = f.ctx.blockHash(requested);
  if (typeof hash !== 'bigint') {
    f.pending = hash;
    return SUSPEND;
  }
  s[sp] = hash;
  return i + 1;
};

