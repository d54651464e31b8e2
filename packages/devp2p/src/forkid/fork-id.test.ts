import { ChainConfig, Fork, type ForkActivation, hexToBytes, rlpDecode, rlpEncode } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { decodeForkId, encodeForkId, type ForkId, ForkIdSchedule } from './fork-id';

const MAINNET_GENESIS = hexToBytes('0xd4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3');

/** Mainnet's activations (EIP-2124 lists the block ones up to Petersburg; the rest are the network's). */
const MAINNET: ForkActivation[] = [
  { fork: Fork.Homestead, block: 1150000n },
  { fork: Fork.DAO, block: 1920000n },
  { fork: Fork.TangerineWhistle, block: 2463000n },
  { fork: Fork.SpuriousDragon, block: 2675000n },
  { fork: Fork.Byzantium, block: 4370000n },
  { fork: Fork.Constantinople, block: 7280000n },
  { fork: Fork.Petersburg, block: 7280000n },
  { fork: Fork.Istanbul, block: 9069000n },
  { fork: Fork.MuirGlacier, block: 9200000n },
  { fork: Fork.Berlin, block: 12244000n },
  { fork: Fork.London, block: 12965000n },
  { fork: Fork.ArrowGlacier, block: 13773000n },
  { fork: Fork.GrayGlacier, block: 15050000n },
  { fork: Fork.Shanghai, timestamp: 1681338455n },
  { fork: Fork.Cancun, timestamp: 1710338135n },
];

function schedule(upTo: Fork): ForkIdSchedule {
  const config = new ChainConfig({ chainId: 1n, schedule: MAINNET.filter((a) => a.fork <= upTo), consensus: { engine: 'ethash' } });
  return new ForkIdSchedule(MAINNET_GENESIS, config);
}

const id = (hash: string, next: bigint): ForkId => ({ hash: hexToBytes(hash), next });
const at = (number: bigint, timestamp = 0n) => ({ number, timestamp });

describe('fork id (EIP-2124)', () => {
  it('computes the EIP mainnet vectors (the EIP knows forks up to Petersburg)', () => {
    const s = schedule(Fork.Petersburg);
    const vectors: [bigint, string, bigint][] = [
      [0n, '0xfc64ec04', 1150000n],
      [1149999n, '0xfc64ec04', 1150000n],
      [1150000n, '0x97c2c34c', 1920000n],
      [1919999n, '0x97c2c34c', 1920000n],
      [1920000n, '0x91d1f948', 2463000n],
      [2462999n, '0x91d1f948', 2463000n],
      [2463000n, '0x7a64da13', 2675000n],
      [2674999n, '0x7a64da13', 2675000n],
      [2675000n, '0x3edd5b10', 4370000n],
      [4369999n, '0x3edd5b10', 4370000n],
      [4370000n, '0xa00bc324', 7280000n],
      [7279999n, '0xa00bc324', 7280000n],
      [7280000n, '0x668db0af', 0n],
      [7987396n, '0x668db0af', 0n],
    ];
    for (const [head, hash, next] of vectors) expect(s.forkIdAt(at(head))).toEqual(id(hash, next));
  });

  it('carries on through the later block forks and the timestamp forks (EIP-6122)', () => {
    const s = schedule(Fork.Cancun);
    expect(s.forkIdAt(at(7280000n))).toEqual(id('0x668db0af', 9069000n));
    expect(s.forkIdAt(at(9069000n))).toEqual(id('0x879d6e30', 9200000n));
    expect(s.forkIdAt(at(9200000n))).toEqual(id('0xe029e991', 12244000n));
    expect(s.forkIdAt(at(12244000n))).toEqual(id('0x0eb440f6', 12965000n));
    expect(s.forkIdAt(at(12965000n))).toEqual(id('0xb715077d', 13773000n));
    expect(s.forkIdAt(at(13773000n))).toEqual(id('0x20c327fc', 15050000n));
    expect(s.forkIdAt(at(15050000n))).toEqual(id('0xf0afd0e3', 1681338455n));
    expect(s.forkIdAt(at(20000000n, 1681338455n))).toEqual(id('0xdce96c2d', 1710338135n));
    expect(s.forkIdAt(at(20000000n, 1710338135n))).toEqual(id('0x9f3d2254', 0n));
  });

  it('applies the EIP validation vectors', () => {
    const s = schedule(Fork.Petersburg);
    const max = 2n ** 64n - 1n;
    const cases: [bigint, ForkId, string][] = [
      [7987396n, id('0x668db0af', 0n), 'ok'],
      [7987396n, id('0x668db0af', max), 'ok'],
      [7279999n, id('0xa00bc324', 0n), 'ok'],
      [7279999n, id('0xa00bc324', 7280000n), 'ok'],
      [7279999n, id('0xa00bc324', max), 'ok'],
      [7987396n, id('0xa00bc324', 7280000n), 'ok'],
      [7987396n, id('0x3edd5b10', 4370000n), 'ok'],
      [7279999n, id('0x668db0af', 0n), 'ok'],
      [4369999n, id('0xa00bc324', 0n), 'ok'],
      [7987396n, id('0xa00bc324', 0n), 'remote-stale'],
      [7987396n, id('0x5cddc0e1', 0n), 'local-incompatible-or-stale'],
      [7279999n, id('0x5cddc0e1', 0n), 'local-incompatible-or-stale'],
      [7987396n, id('0xafec6b27', 0n), 'local-incompatible-or-stale'],
      // Rule 1a: same checksum, but the remote's next fork is behind this node's head.
      [7987396n, id('0x668db0af', 7987000n), 'local-incompatible-or-stale'],
    ];
    for (const [head, remote, want] of cases) {
      const result = s.validate(remote, at(head));
      expect(result.ok ? 'ok' : result.reason, `head ${head}`).toBe(want);
    }
  });

  it('round-trips through RLP and refuses malformed ids', () => {
    const forkId = id('0x9f3d2254', 1746612311n);
    expect(decodeForkId(rlpDecode(rlpEncode(encodeForkId(forkId))))).toEqual(forkId);
    expect(() => decodeForkId([new Uint8Array(3), new Uint8Array(0)])).toThrow(/fork hash/);
    expect(() => decodeForkId(new Uint8Array(4))).toThrow(/malformed fork id/);
  });
});
