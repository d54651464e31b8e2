import type { ForkRules } from '@cairn/common';
import { BlockError } from '../errors';
import { ELASTICITY_MULTIPLIER } from './base-fee';
import type { HeaderFields } from './header';

/** The smallest gas limit a block may have. */
export const MIN_GAS_LIMIT = 5000n;
/** The largest gas limit a block may have (EIP-1985's bound, as geth applies it). */
export const MAX_GAS_LIMIT = 2n ** 63n - 1n;
/** A block's gas limit may differ from its parent's by less than 1/1024 of it. */
const GAS_LIMIT_BOUND_DIVISOR = 1024n;

/**
 * Checks a header's gas limit against its parent's: within [5000, 2^63 - 1] and less than
 * 1/1024 of the parent's away from it. At the London fork block the parent's limit is first
 * multiplied by the elasticity (2), since from London on the limit is twice the gas target.
 */
export function validateGasLimit(header: Pick<HeaderFields, 'gasLimit'>, parent: Pick<HeaderFields, 'gasLimit' | 'baseFeePerGas'>, rules: ForkRules): void {
  const limit = header.gasLimit;
  if (limit < MIN_GAS_LIMIT) throw new BlockError('INVALID_GAS_LIMIT', `gas limit ${limit} is below the minimum ${MIN_GAS_LIMIT}`, 'gasLimit');
  if (limit > MAX_GAS_LIMIT) throw new BlockError('INVALID_GAS_LIMIT', `gas limit ${limit} is above the maximum ${MAX_GAS_LIMIT}`, 'gasLimit');
  const parentLimit = rules.has(1559) && parent.baseFeePerGas === undefined ? parent.gasLimit * ELASTICITY_MULTIPLIER : parent.gasLimit;
  const bound = parentLimit / GAS_LIMIT_BOUND_DIVISOR;
  const change = limit > parentLimit ? limit - parentLimit : parentLimit - limit;
  if (change >= bound) {
    throw new BlockError('INVALID_GAS_LIMIT', `gas limit ${limit} moves ${change} from the parent's ${parentLimit}, the bound is below ${bound}`, 'gasLimit');
  }
}
