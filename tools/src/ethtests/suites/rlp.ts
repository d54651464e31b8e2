import { bigintToBytes, bytesToHex, hexToBytes, rlpDecode, rlpEncode, type RlpInput } from '@cairn/common';
import { readFileSync } from 'node:fs';
import { type RunOptions, type Suite, selected } from '../suite';
import type { CaseReporter } from '../reporter';

type JsonIn = string | number | JsonIn[];

/** The fixture's `in` value as RLP input: strings are UTF-8 (`#` marks a big integer), numbers are integers. */
function toInput(value: JsonIn): RlpInput {
  if (Array.isArray(value)) return value.map(toInput);
  if (typeof value === 'number') return bigintToBytes(BigInt(value));
  if (value.startsWith('#')) return bigintToBytes(BigInt(value.slice(1)));
  return new TextEncoder().encode(value);
}

/** RLPTests: encode `in` and compare with `out`; `INVALID` must fail to decode; `VALID` must decode. */
export const rlpSuite: Suite = {
  name: 'rlp',
  folders: ['RLPTests'],
  runFile(path: string, file: string, options: RunOptions, reporter: CaseReporter) {
    const tests = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { in: JsonIn; out: string }>;
    for (const [test, { in: input, out }] of Object.entries(tests)) {
      if (!selected(options, file, test)) continue;
      const id = { file, test };
      let encoded: Uint8Array;
      try {
        encoded = hexToBytes(out.startsWith('0x') ? out : `0x${out}`);
      } catch (error) {
        reporter.fail(id, `fixture output is not hex: ${(error as Error).message}`);
        continue;
      }
      if (input === 'INVALID') {
        try {
          rlpDecode(encoded);
          reporter.fail(id, 'invalid RLP was decoded without an error');
        } catch {
          reporter.pass(id);
        }
        continue;
      }
      try {
        const decoded = rlpDecode(encoded);
        if (input === 'VALID') {
          const again = rlpEncode(decoded);
          if (bytesToHex(again) === bytesToHex(encoded)) reporter.pass(id);
          else reporter.fail(id, `re-encoding gives ${bytesToHex(again)}`);
          continue;
        }
        const actual = bytesToHex(rlpEncode(toInput(input)));
        if (actual === bytesToHex(encoded)) reporter.pass(id);
        else reporter.fail(id, `encoding is ${actual}, expected ${out}`);
      } catch (error) {
        reporter.fail(id, `unexpected error: ${(error as Error).message}`);
      }
    }
  },
};
