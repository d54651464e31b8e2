import { type RlpValue, asBytes, asList, asUint, hexToBytes, keccak256, rlpDecode, rlpEncode } from '@cairn/common';
import { Ethash, type SealInput } from '@cairn/consensus-ethash';
import { readFileSync } from 'node:fs';
import type { CaseReporter } from '../reporter';
import { type RunOptions, type Suite, selected } from '../suite';

interface BlockchainTest {
  readonly network: string;
  readonly sealEngine?: string;
  readonly blocks: readonly { readonly rlp: string; readonly expectException?: string }[];
}

/** The fixture exceptions that name a proof-of-work failure, which this suite can judge alone. */
const SEAL_EXCEPTIONS = new Set(['InvalidBlockMixHash', 'InvalidBlockNonce']);

/**
 * The seal fields of a block's header. Fields 13 and 14 are the mix hash and nonce; the seal hash
 * covers every other field, including those later forks append (base fee and on).
 */
function sealOf(blockRlp: string): SealInput {
  const header = asList(asList(rlpDecode(hexToBytes(blockRlp)), 'block')[0], 'header');
  if (header.length < 15) throw new Error(`header has ${header.length} fields, fewer than 15`);
  const sealed: RlpValue[] = [...header.slice(0, 13), ...header.slice(15)];
  return {
    sealHash: keccak256(rlpEncode(sealed)),
    difficulty: asUint(header[7], 'difficulty'),
    number: asUint(header[8], 'number', 8),
    mixHash: asBytes(header[13], 'mixHash', 32),
    nonce: asBytes(header[14], 'nonce', 8),
  };
}

/**
 * The proof-of-work seal of every block in BlockchainTests with `"sealEngine": "Ethash"`: a block
 * the fixture accepts must verify, one it rejects for its mix hash or nonce must not. Blocks
 * rejected for other reasons are skipped, as only the full blockchain runner can judge them;
 * `NoProof` tests have no seal to check and are not cases of this suite.
 */
export const ethashSuite: Suite = {
  name: 'ethash',
  folders: ['BlockchainTests'],
  async runFile(path: string, file: string, options: RunOptions, reporter: CaseReporter) {
    const tests = JSON.parse(readFileSync(path, 'utf8')) as Record<string, BlockchainTest>;
    let ethash: Ethash | undefined;
    for (const [test, fixture] of Object.entries(tests)) {
      if (fixture.sealEngine !== 'Ethash' || !selected(options, file, test)) continue;
      if (options.fork !== undefined && fixture.network !== options.fork) continue;
      ethash ??= new Ethash({ cacheCapacity: 1 });
      for (const [index, block] of fixture.blocks.entries()) {
        const id = { file, test, fork: fixture.network, index };
        const expected = block.expectException;
        if (expected !== undefined && !SEAL_EXCEPTIONS.has(expected)) {
          reporter.skip(id, `expects ${expected}, not a seal failure: for the blockchain runner to judge`);
          continue;
        }
        try {
          const check = await ethash.verifySeal(sealOf(block.rlp));
          if (expected === undefined && !check.valid) reporter.fail(id, `valid block rejected: ${check.reason}`);
          else if (expected !== undefined && check.valid) reporter.fail(id, `seal accepted, expected ${expected}`);
          else reporter.pass(id);
        } catch (error) {
          reporter.fail(id, `the block could not be checked: ${(error as Error).message}`);
        }
      }
    }
  },
};
