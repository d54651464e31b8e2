import { ChainConfig, FIRST_TIMESTAMP_FORK, FORKS, Fork, type ForkActivation } from '@cairn/common';
import { forkFromTestName } from '../fork-names';

/**
 * The chain configuration of a BlockchainTests `network`: a plain fork name (every fork up to it
 * active from genesis), or a transition such as `FrontierToHomesteadAt5` (the second fork from
 * block 5), `ParisToShanghaiAtTime15k` (from timestamp 15000), `ArrowGlacierToParisAtDiffC0000`
 * (the Merge at terminal total difficulty 0xC0000) or `HomesteadToDaoAt5` (the DAO fork's balance
 * moves at block 5). Other networks have no DAO fork. Chain id 1, as the tests are signed for it.
 * Returns undefined for a network with a fork Cairn does not execute.
 */
export function networkConfig(network: string): ChainConfig | undefined {
  const transition = /^(\w+?)To(\w+?)At(Time|Diff)?(\w+)$/.exec(network);
  if (!transition) {
    const fork = forkFromTestName(network);
    return fork === undefined ? undefined : configOf(upTo(fork, 0n, 0n), fork >= Fork.Paris ? 0n : undefined, false);
  }
  const [, fromName, toName, kind, at] = transition;
  const from = forkFromTestName(fromName);
  const to = toName === 'Dao' ? Fork.DAO : forkFromTestName(toName);
  if (from === undefined || to === undefined) return undefined;
  const base = upTo(from, 0n, 0n);
  if (kind === 'Diff') return configOf(base, BigInt(`0x${at}`), false);
  const point = at.endsWith('k') ? BigInt(at.slice(0, -1)) * 1000n : BigInt(at);
  const later = FORKS.filter((f) => f > from && f <= to && f !== Fork.DAO).map((fork) => activation(fork, point, point));
  if (to === Fork.DAO) later.push({ fork: Fork.DAO, block: point });
  return configOf([...base, ...later], from >= Fork.Paris ? 0n : undefined, to === Fork.DAO);
}

function activation(fork: Fork, block: bigint, timestamp: bigint): ForkActivation {
  return fork >= FIRST_TIMESTAMP_FORK ? { fork, timestamp } : { fork, block };
}

/** Every fork up to `fork` (the DAO fork left out) from the given block or time. */
function upTo(fork: Fork, block: bigint, timestamp: bigint): ForkActivation[] {
  return FORKS.filter((f) => f <= fork && f !== Fork.DAO).map((f) => activation(f, block, timestamp));
}

function configOf(schedule: ForkActivation[], terminalTotalDifficulty: bigint | undefined, daoForkSupport: boolean): ChainConfig {
  return new ChainConfig({ chainId: 1n, schedule, terminalTotalDifficulty, daoForkSupport, consensus: { engine: 'ethash' } });
}
