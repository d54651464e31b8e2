import { bytesToBigInt, Fork } from '@cairn/common';
import { describe, expect, it } from 'vitest';
import { code, push, RETURN_TOP, run } from '../../test/helpers';

const MAX = 2n ** 256n - 1n;

async function evaluate(fork: Fork, ...parts: string[]): Promise<bigint> {
  const result = await run(fork, code(...parts, RETURN_TOP));
  expect(result.status).toBe('Return');
  return bytesToBigInt(result.output);
}

describe('arithmetic and bit operations', () => {
  it('wraps at 2^256 and handles division by zero', async () => {
    expect(await evaluate(Fork.Cancun, push(MAX), '600101')).toBe(0n); // MAX + 1
    expect(await evaluate(Fork.Cancun, '6001', '600003')).toBe(MAX); // 0 - 1
    expect(await evaluate(Fork.Cancun, '6000', '600704')).toBe(0n); // 7 / 0
    expect(await evaluate(Fork.Cancun, '6000', '600706')).toBe(0n); // 7 % 0
    expect(await evaluate(Fork.Cancun, '6003', '6005', '600708')).toBe(0n); // (7 + 5) % 3
    expect(await evaluate(Fork.Cancun, push(MAX), push(MAX), push(MAX), '09')).toBe(0n); // MAX*MAX % MAX
  });

  it('does signed division and remainder in two’s complement', async () => {
    const minusOne = MAX;
    const minInt = 1n << 255n;
    expect(await evaluate(Fork.Cancun, push(minusOne), push(minInt), '05')).toBe(minInt); // -2^255 / -1 overflows
    expect(await evaluate(Fork.Cancun, '6003', push(MAX - 6n), '07')).toBe(MAX); // -7 smod 3 = -1
    expect(await evaluate(Fork.Cancun, '6002', push(MAX - 6n), '05')).toBe(MAX - 2n); // -7 / 2 = -3
  });

  it('computes EXP, SIGNEXTEND, BYTE and shifts', async () => {
    expect(await evaluate(Fork.Cancun, '60ff', '6002', '0a')).toBe(1n << 255n); // 2 ** 255
    expect(await evaluate(Fork.Cancun, '6003', '6007', '0a')).toBe(343n);
    expect(await evaluate(Fork.Cancun, '60ff', '6000', '0b')).toBe(MAX); // signextend(0, 0xff)
    expect(await evaluate(Fork.Cancun, '617f01', '6001', '0b')).toBe(0x7f01n);
    expect(await evaluate(Fork.Cancun, '61abcd', '601e', '1a')).toBe(0xabn);
    expect(await evaluate(Fork.Cancun, '6001', '61ffff', '1b')).toBe(0n); // 1 << 65535
    expect(await evaluate(Fork.Cancun, push(MAX), '6004', '1d')).toBe(MAX); // -1 >> 4 (arithmetic)
    expect(await evaluate(Fork.Cancun, push(1n << 255n), '60ff', '1c')).toBe(1n);
  });

  it('compares signed values', async () => {
    expect(await evaluate(Fork.Cancun, '6001', push(MAX), '12')).toBe(1n); // -1 < 1
    expect(await evaluate(Fork.Cancun, '6001', push(MAX), '10')).toBe(0n); // MAX < 1 unsigned
  });
});

describe('gas and halting rules', () => {
  it('charges the exact gas of a straight-line program', async () => {
    // PUSH1 1, PUSH1 2, ADD, POP, STOP: 3 + 3 + 3 + 2 + 0.
    const result = await run(Fork.Cancun, code('6001600201', '50', '00'));
    expect(result.status).toBe('Stop');
    expect(result.gasUsed).toBe(11n);
  });

  it('runs out of gas inside a block and consumes everything', async () => {
    const result = await run(Fork.Cancun, code('6001600201', '50', '00'), { gas: 10n });
    expect(result.status).toBe('OutOfGas');
    expect(result.gasUsed).toBe(10n);
  });

  it('rejects a jump to a non-JUMPDEST and into PUSH data', async () => {
    expect((await run(Fork.Cancun, code('600356', '00'))).status).toBe('InvalidJump');
    // PUSH1 0x04, JUMP, PUSH1 0x5b (the 0x5b at pc 4 is data), STOP
    expect((await run(Fork.Cancun, code('600456', '605b', '00'))).status).toBe('InvalidJump');
    expect((await run(Fork.Cancun, code('600456', '00', '5b', '00'))).status).toBe('Stop');
  });

  it('detects stack underflow and overflow', async () => {
    expect((await run(Fork.Cancun, code('01'))).status).toBe('StackUnderflow');
    // 1025 pushes via a loop of PUSH0 would need Shanghai; use PUSH1 in straight line.
    expect((await run(Fork.Cancun, code('6001'.repeat(1025)))).status).toBe('StackOverflow');
    expect((await run(Fork.Cancun, code('6001'.repeat(1024), '00'))).status).toBe('Stop');
  });

  it('treats opcodes from later forks as invalid', async () => {
    expect((await run(Fork.Istanbul, code('5f', '00'))).status).toBe('InvalidOpcode'); // PUSH0 before Shanghai
    expect((await run(Fork.Shanghai, code('5f', '00'))).status).toBe('Stop');
    expect((await run(Fork.Byzantium, code('60016001', '1b'))).status).toBe('InvalidOpcode'); // SHL before Constantinople
  });

  it('prices memory expansion quadratically', async () => {
    // MSTORE at 0x3e0 needs 32 words: 3*32 + 32*32/512 = 98, plus PUSH1 PUSH2 MSTORE = 9.
    const result = await run(Fork.Cancun, code('6001', '6103e0', '52', '00'));
    expect(result.gasUsed).toBe(98n + 9n);
  });

  it('reports GAS exactly inside a pre-charged block', async () => {
    // GAS ends its block, so it sees only what was charged before it: PUSH1 + PUSH1 + POP + GAS.
    const result = await run(Fork.Cancun, code('6001600150', '5a', RETURN_TOP), { gas: 100_000n });
    expect(bytesToBigInt(result.output)).toBe(100_000n - 3n - 3n - 2n - 2n);
  });

  it('keeps gas above 2^53 exact', async () => {
    const gas = 0x7fe0000000000001n;
    const result = await run(Fork.Cancun, code('5a', RETURN_TOP), { gas });
    expect(bytesToBigInt(result.output)).toBe(gas - 2n);
  });
});
