import type { HeaderFields } from './header';

/** EIP-1559's base fee of the first London block. */
export const INITIAL_BASE_FEE = 1_000_000_000n;
/** The gas limit is this many times the gas target (EIP-1559's elasticity multiplier). */
export const ELASTICITY_MULTIPLIER = 2n;
/** The base fee moves by at most 1/8 per block. */
const BASE_FEE_CHANGE_DENOMINATOR = 8n;

/**
 * The base fee of the block after `parent` (EIP-1559): the initial 1 gwei when the parent is
 * from before London, otherwise the parent's base fee moved towards the gas target by up to 1/8,
 * by at least 1 wei when the parent used more gas than its target.
 */
export function nextBaseFee(parent: Pick<HeaderFields, 'gasLimit' | 'gasUsed' | 'baseFeePerGas'>): bigint {
  const baseFee = parent.baseFeePerGas;
  if (baseFee === undefined) return INITIAL_BASE_FEE;
  const target = parent.gasLimit / ELASTICITY_MULTIPLIER;
  // A target of zero needs a gas limit below 2, which no valid parent has: nothing to move towards.
  if (parent.gasUsed === target || target === 0n) return baseFee;
  if (parent.gasUsed > target) {
    const delta = (baseFee * (parent.gasUsed - target)) / target / BASE_FEE_CHANGE_DENOMINATOR;
    return baseFee + (delta > 1n ? delta : 1n);
  }
  const delta = (baseFee * (target - parent.gasUsed)) / target / BASE_FEE_CHANGE_DENOMINATOR;
  return baseFee > delta ? baseFee - delta : 0n;
}
