import { readFileSync } from 'node:fs';
import { signTransaction } from '@cairn/chain';
import { bigintToFixedBytes, bytesToHex, concatBytes, hexToBytes } from '@cairn/common';
import { DEV_MNEMONIC, deriveAccounts } from '@cairn/node';
import autocannon from 'autocannon';
import { CairnProcess } from '../../../../test-support/cairn-process';
import { rpcCall } from '../../../../test-support/rpc-call';
import { loadToken } from '../../gen/token';
import { makeResult } from '../result';
import type { BenchContext, BenchSuite } from '../suite';

const CONNECTIONS = 8;
const WARMUP_SECONDS = 2;
const MEASURE_SECONDS = 10;
/** runTransfers(n) of the shared BenchToken pays recipients 0x100000 + i; the first gets 1000 tokens. */
const FIRST_RECIPIENT = bigintToFixedBytes(0x100000n, 20);
const RUN_TRANSFERS = hexToBytes('0x1ed6ee78');
const BALANCE_OF = hexToBytes('0x70a08231');

/**
 * JSON-RPC throughput of a running `cairn --network=dev` (a child process, run from source) under
 * autocannon: eth_blockNumber, eth_getBalance of a dev account, and eth_call of the shared
 * BenchToken's balanceOf (deployed, then run once so that balances exist), each answered
 * correctly once before the load and counted only if no request failed. Prints requests per
 * second with p50 and p99 latency, and the node's peak resident memory (VmHWM). No peer: the
 * figures stand alone.
 */
export const rpcBench: BenchSuite = {
  name: 'rpc',
  description: 'JSON-RPC over HTTP against a running dev node (autocannon): eth_blockNumber, eth_getBalance, eth_call of an ERC-20 balanceOf',
  async run(context) {
    const { node, endpoints } = await CairnProcess.start(CairnProcess.tempDataPath(), ['--logging=WARN']);
    try {
      const url = endpoints.http;
      const [deployer] = deriveAccounts(DEV_MNEMONIC, 1);
      const token = await deployToken(url, deployer.privateKey, context);
      const callData = bytesToHex(concatBytes(BALANCE_OF, new Uint8Array(12), FIRST_RECIPIENT));
      const workloads = [
        { method: 'eth_blockNumber', params: [], expect: (result: unknown) => result === '0x2' },
        { method: 'eth_getBalance', params: [bytesToHex(deployer.address), 'latest'], expect: (result: unknown) => typeof result === 'string' && BigInt(result) > 0n },
        { method: 'eth_call', params: [{ to: token, data: callData }, 'latest'], expect: (result: unknown) => typeof result === 'string' && BigInt(result) === 1000n },
      ];
      const measured: { method: string; run: LoadResult }[] = [];
      for (const workload of workloads) {
        const answer = await rpcCall(url, workload.method, workload.params);
        if (!workload.expect(answer.result)) throw new Error(`${workload.method} answered ${JSON.stringify(answer)}`);
        const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: workload.method, params: workload.params });
        await load(url, body, WARMUP_SECONDS);
        const run = await load(url, body, MEASURE_SECONDS);
        const { result } = run;
        if (result.errors > 0 || result.non2xx > 0) throw new Error(`${workload.method}: ${result.errors} connection errors, ${result.non2xx} non-2xx answers under load`);
        context.log(`rpc: ${workload.method}: ${result.requests.average} req/s, p50 ${run.p50.toFixed(2)} ms, p99 ${run.p99.toFixed(2)} ms`);
        measured.push({ method: workload.method, run });
      }
      // The node's whole run, start-up (from source, with tsx) included.
      const peak = peakRssMiB(node.pid);
      const memory = peak === undefined ? 'node peak RSS unknown (no /proc)' : `node peak RSS ${peak.toFixed(0)} MiB`;
      context.log(`rpc: ${memory}`);
      for (const { method, run } of measured) {
        const note = `p50 ${run.p50.toFixed(2)} ms, p99 ${run.p99.toFixed(2)} ms, ${CONNECTIONS} connections, ${memory}`;
        context.emit(makeResult('rpc', method, 'req/s', run.result.requests.average, null, note));
      }
    } finally {
      await node.stop();
      await node.cleanUp();
    }
  },
};

/** What one load run measured: autocannon's counts, and every response time (autocannon's own histogram keeps whole milliseconds). */
interface LoadResult {
  readonly result: autocannon.Result;
  readonly p50: number;
  readonly p99: number;
}

function load(url: string, body: string, seconds: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const instance = autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: CONNECTIONS, duration: seconds }, (error, result) => {
      if (error) return reject(error);
      times.sort((a, b) => a - b);
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
      resolve({ result, p50: at(0.5), p99: at(0.99) });
    });
    instance.on('response', (_client, _status, _bytes, milliseconds) => times.push(milliseconds));
  });
}

/** Deploys the BenchToken and runs runTransfers(20) once; returns its address. */
async function deployToken(url: string, key: Uint8Array, context: BenchContext): Promise<string> {
  const token = loadToken(context.workloadsDir);
  const send = async (nonce: bigint, to: Uint8Array | undefined, data: Uint8Array) => {
    const tx = signTransaction({ type: 2, chainId: 1337n, nonce, maxPriorityFeePerGas: 1n, maxFeePerGas: 10n ** 10n, gasLimit: 3_000_000n, to, value: 0n, data }, key);
    const hash = (await rpcCall(url, 'eth_sendRawTransaction', [bytesToHex(tx.encode())])).result as string;
    for (;;) {
      const receipt = (await rpcCall(url, 'eth_getTransactionReceipt', [hash])).result as { status: string; contractAddress: string | null } | null;
      if (receipt) {
        if (receipt.status !== '0x1') throw new Error(`transaction ${hash} failed`);
        return receipt;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const { contractAddress } = await send(0n, undefined, token.initCode);
  await send(1n, hexToBytes(contractAddress!), concatBytes(RUN_TRANSFERS, bigintToFixedBytes(20n, 32)));
  return contractAddress!;
}

/** The peak resident set size of a process in MiB, from Linux's /proc (VmHWM). */
function peakRssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
