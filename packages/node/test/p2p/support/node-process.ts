import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { bytesToHex } from '@cairn/common';
import { rpcCall } from '../../../../../test-support/rpc-call';
import { openChain } from '../../../src/commands/open-chain';

const REPO_ROOT = join(import.meta.dirname, '..', '..', '..', '..', '..');
const BIN = join(REPO_ROOT, 'packages', 'node', 'src', 'bin', 'cairn.ts');

/** A `cairn` process: what it printed, its JSON-RPC endpoint, and how to end it. */
export interface NodeProcess {
  readonly name: string;
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in the output (from `from` on), failing after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number, from?: number): Promise<RegExpExecArray>;
  /** Calls a JSON-RPC method (once the banner named the endpoint); an error answer throws. */
  rpc(method: string, params?: unknown[]): Promise<any>;
  /** Resolves with the exit code once the process has ended. */
  exited(): Promise<number | null>;
  /** SIGTERM, then waits for a clean exit. */
  stop(): Promise<void>;
  /** SIGKILL: no clean-up at all. */
  kill(): Promise<void>;
}

/**
 * Starts `cairn` from source (`node --conditions=@cairn/source --import tsx
 * packages/node/src/bin/cairn.ts`) with `args`, in the network namespace `namespace` when given
 * (the NAT test's LAN host). Its output is kept for `waitFor` (and echoed with CAIRN_TEST_LOG).
 */
export function startNodeProcess(name: string, args: readonly string[], namespace?: string): NodeProcess {
  const command = [process.execPath, '--conditions=@cairn/source', '--import', 'tsx', BIN, ...args];
  if (namespace) command.unshift('ip', 'netns', 'exec', namespace);
  const child = spawn(command[0], command.slice(1), { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (process.env.CAIRN_TEST_LOG) process.stderr.write(chunk.toString().replace(/^/gm, `[${name}] `));
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const waitFor = (pattern: RegExp, timeoutMs = 60_000, from = 0) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const deadline = Date.now() + timeoutMs;
      const check = () => {
        const match = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(output.slice(from));
        if (match) resolve(match);
        else if (child.exitCode !== null) reject(new Error(`${name} exited (${child.exitCode}) before printing ${pattern}:\n${output}`));
        else if (Date.now() > deadline) reject(new Error(`${name} did not print ${pattern} within ${timeoutMs} ms:\n${output.slice(-4000)}`));
        else setTimeout(check, 50);
      };
      check();
    });
  return {
    name,
    child,
    output: () => output,
    waitFor,
    rpc: async (method, params = []) => {
      const url = (await waitFor(/JSON-RPC HTTP\s+(http:\/\/[\d.]+:\d+)/))[1];
      const answer = await rpcCall(url, method, params);
      if (answer.error) throw new Error(`${name}: ${method} failed: ${answer.error.code} ${answer.error.message}`);
      return answer.result;
    },
    exited: () => exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) throw new Error(`${name} did not stop cleanly (exit ${code}):\n${output.slice(-4000)}`);
    },
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The enode a node process printed in its banner. */
export async function enodeOf(node: NodeProcess): Promise<string> {
  return (await node.waitFor(/p2p\s+(enode:\/\/[0-9a-f]{128}@[\d.]+:\d+)/))[1];
}

/** The head stored under a data path (read once the node that used it has stopped). */
export async function storedHead(genesisFile: string, dataPath: string) {
  const { chain, close } = await openChain({ genesisFile, dataPath });
  try {
    const head = chain.head;
    return { number: head.header.number, hash: bytesToHex(head.hash()), stateRoot: bytesToHex(head.header.stateRoot) };
  } finally {
    await close();
  }
}
