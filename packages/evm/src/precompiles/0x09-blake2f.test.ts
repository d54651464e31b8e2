import { bytesToHex, concatBytes, createForkRules, Fork, hexToBytes } from '@cairn/common';
import { blake2b } from '@noble/hashes/blake2.js';
import { describe, expect, it } from 'vitest';
import { createBlake2f } from './0x09-blake2f';
import { createJsBlake2f } from './blake2b-compress';
import { instantiateWasmBlake2f } from './blake2b-wasm';

const rules = createForkRules(Fork.Istanbul, 1n);
const hex = (text: string) => hexToBytes(`0x${text}`);

/** EIP-152's vectors share h, m and t (the RFC 7693 "abc" block); they differ in rounds and f. */
const H = '48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b';
const M = `616263${'0'.repeat(250)}`;
const T = `03${'0'.repeat(30)}`;
const vector = (rounds: string, flag: string) => hex(`${rounds}${H}${M}${T}${flag}`);

/** EIP-152 test vector 8: 2^32 - 1 rounds. */
const MAX_ROUNDS_OUTPUT = 'fc59093aafa9ab43daae0e914c57635c5402d8e3d2130eb9b3cc181de7f0ecf9b22bf99a7815ce16419e200e01846e6b5df8cc7703041bbceb571de6631d2615';

describe.each([
  ['WebAssembly', instantiateWasmBlake2f()],
  ['JavaScript', createJsBlake2f()],
])('0x09 BLAKE2F (EIP-152) on the %s backend', (backendName, backend) => {
  const blake2f = createBlake2f(backend);

  it.each([
    ['EIP-152 vector 4: 0 rounds', '00000000', '01', '08c9bcf367e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d282e6ad7f520e511f6c3e2b8c68059b9442be0454267ce079217e1319cde05b', 0n],
    ['EIP-152 vector 5: 12 rounds', '0000000c', '01', 'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923', 12n],
    ['EIP-152 vector 6: final flag false', '0000000c', '00', '75ab69d3190a562c51aef8d88f1c2775876944407270c42c9844252c26d2875298743e7f6d5ea2f2d3e8d226039cd31b4e426ac4f2d3d666a610c2116fde4735', 12n],
    ['EIP-152 vector 7: 1 round', '00000001', '01', 'b63a380cb2897d521994a85234ee2c181b5f844d2c624c002677e9703449d2fba551b3a8333bcdf5f2f7e08993d53923de3d64fcc68c034e717b9293fed7a421', 1n],
    // Vector 8 cut to 8,000,000 rounds, as go-ethereum's and execution-spec-tests' data carry it.
    ['vector 8 at 8,000,000 rounds', '007a1200', '01', '6d2ce9e534d50e18ff866ae92d70cceba79bbcd14c63819fe48752c8aca87a4bb7dcc230d22a4047f0486cfcfb50a17b24b2899eb8fca370f22240adb5170189', 8000000n],
  ])('%s', (_name, rounds, flag, expected, gas) => {
    const input = vector(rounds, flag);
    expect(input.length).toBe(213);
    expect(bytesToHex(blake2f.run(input, rules)!).slice(2)).toBe(expected);
    expect(blake2f.gas(input, rules)).toBe(gas);
  });

  // 2^32 - 1 rounds: about 35 s on WebAssembly, about 20 minutes on JavaScript, which is not run.
  it.runIf(backendName === 'WebAssembly')('EIP-152 vector 8: 2^32 - 1 rounds', { timeout: 600_000 }, () => {
    const input = vector('ffffffff', '01');
    expect(bytesToHex(blake2f.run(input, rules)!).slice(2)).toBe(MAX_ROUNDS_OUTPUT);
    expect(blake2f.gas(input, rules)).toBe(0xffffffffn);
  });

  it('fails vectors 0-3: empty, 212 and 214 bytes, and a final flag of 2', () => {
    expect(blake2f.run(new Uint8Array(0), rules)).toBeUndefined();
    expect(blake2f.run(hex(`00000c${H}${M}${T}01`), rules)).toBeUndefined();
    expect(blake2f.run(hex(`000000000c${H}${M}${T}01`), rules)).toBeUndefined();
    expect(blake2f.run(vector('0000000c', '02'), rules)).toBeUndefined();
    expect(blake2f.run(vector('0000000c', 'ff'), rules)).toBeUndefined();
    expect(blake2f.gas(new Uint8Array(212), rules)).toBe(0n);
  });

  it('chains into full BLAKE2b-512 digests that match @noble/hashes, across block boundaries', () => {
    // h0 = IV xor the parameter block 0x01010040 (64-byte digest, no key): the vectors' h.
    const iv = hex(H);
    for (const length of [0, 1, 127, 128, 129, 300, 1000]) {
      const message = Uint8Array.from({ length }, (_, i) => (i * 7 + length) & 0xff);
      let h = iv;
      const blocks = Math.max(1, Math.ceil(length / 128));
      for (let b = 0; b < blocks; b++) {
        const block = new Uint8Array(128);
        block.set(message.subarray(128 * b, 128 * (b + 1)));
        const counter = new Uint8Array(16);
        new DataView(counter.buffer).setUint32(0, Math.min(length, 128 * (b + 1)), true);
        const final = b === blocks - 1 ? 1 : 0;
        h = blake2f.run(concatBytes(Uint8Array.of(0, 0, 0, 12), h, block, counter, Uint8Array.of(final)), rules)!;
      }
      expect(h).toEqual(blake2b(message));
    }
  });

  it('never throws on arbitrary 213-byte input', () => {
    for (let i = 0; i < 50; i++) {
      const input = Uint8Array.from({ length: 213 }, (_, j) => (i * 97 + j * 31) & 0xff);
      input[0] = 0;
      input[1] = 0;
      const out = blake2f.run(input, rules);
      expect(out === undefined || out.length === 64).toBe(true);
    }
  });
});
