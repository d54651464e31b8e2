import type { BlobParams } from '../forks/rules';

/** Blob gas one blob consumes (EIP-4844). */
export const GAS_PER_BLOB = 131072n;
export const MIN_BLOB_BASE_FEE = 1n;
/** The version byte that starts every KZG versioned hash. */
export const VERSIONED_HASH_VERSION_KZG = 0x01;

/** EIP-4844's integer approximation of factor · e^(numerator / denominator). */
export function fakeExponential(factor: bigint, numerator: bigint, denominator: bigint): bigint {
  let i = 1n;
  let output = 0n;
  let accumulator = factor * denominator;
  while (accumulator > 0n) {
    output += accumulator;
    accumulator = (accumulator * numerator) / (denominator * i);
    i++;
  }
  return output / denominator;
}

/** Price of one unit of blob gas in a block with this excess blob gas. */
export function blobBaseFee(excessBlobGas: bigint, params: BlobParams): bigint {
  return fakeExponential(MIN_BLOB_BASE_FEE, excessBlobGas, params.baseFeeUpdateFraction);
}

/** A block's excess blob gas from its parent's excess and use. */
export function nextExcessBlobGas(parentExcessBlobGas: bigint, parentBlobGasUsed: bigint, params: BlobParams): bigint {
  const target = BigInt(params.target) * GAS_PER_BLOB;
  const total = parentExcessBlobGas + parentBlobGasUsed;
  return total < target ? 0n : total - target;
}
