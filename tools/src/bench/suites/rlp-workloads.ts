import { bigintToBytes, bytesToHex, equalBytes, keccak256, rlpDecode, rlpEncode } from '@cairn/common';
import { RLP } from '@ethereumjs/rlp';
import { measureSeconds } from '../measure';
import { makeResult } from '../result';
import type { BenchContext } from '../suite';
import { trieInputs } from '../trie-inputs';

interface RlpSpec {
  readonly label: string;
  readonly n: number;
  readonly iters: number;
  readonly warmup: number;
  readonly expectedDigest: string;
  readonly expectedBytes: number;
}

/**
 * `rlp_encode_10k` and `rlp_decode_10k` of TRIE-SPEC.md. Cairn's RLP wraps `@ethereumjs/rlp`
 * with strict checks, so the peer here is the bare library and a ratio near 1 is the honest
 * expectation: it shows what the strictness costs.
 */
export async function runRlpWorkloads(spec: RlpSpec, context: BenchContext): Promise<void> {
  const { keys, values } = trieInputs(spec.n);
  const list = keys.map((key, i) => [key, values[i], bigintToBytes(BigInt(i))]);
  const encoding = rlpEncode(list);
  if (bytesToHex(keccak256(encoding)) !== spec.expectedDigest || encoding.length !== spec.expectedBytes) {
    throw new Error('rlp_encode: Cairn’s encoding does not match the workload’s expected digest');
  }
  if (!equalBytes(RLP.encode(list), encoding)) throw new Error('rlp_encode: the peer’s encoding differs from Cairn’s');
  if (!equalBytes(rlpEncode(rlpDecode(encoding) as Uint8Array[][]), encoding)) throw new Error('rlp_decode: re-encoding differs');
  const options = { warmup: spec.warmup, iterations: spec.iters };
  const none = () => undefined;
  const encodeCairn = await measureSeconds(options, none, () => rlpEncode(list));
  const encodePeer = await measureSeconds(options, none, () => RLP.encode(list));
  context.emit(makeResult('trie', `rlp_encode_${spec.label}`, 'ops/s', spec.n / encodeCairn, spec.n / encodePeer, 'peer: @ethereumjs/rlp'));
  const decodeCairn = await measureSeconds(options, none, () => rlpDecode(encoding));
  const decodePeer = await measureSeconds(options, none, () => RLP.decode(encoding));
  context.emit(makeResult('trie', `rlp_decode_${spec.label}`, 'ops/s', spec.n / decodeCairn, spec.n / decodePeer, 'peer: @ethereumjs/rlp'));
}
