import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { bytesToHex } from '@cairn/common';
import { openChain } from '../../../src/commands/open-chain';

/** The node a test process runs: its command line, what it printed, and how to end it. */
export interface NodeProcess {
  readonly name: string;
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in the output (from `from` on), failing after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number, from?: number): Promise<RegExpExecArray>;
  /** Writes a line to its stdin. */
  send(line: string): void;
  /** Resolves with the exit code once the process has ended. */
  exited(): Promise<number | null>;
  /** SIGTERM, then waits for a clean exit. */
  stop(): Promise<void>;
  /** SIGKILL: no clean-up at all. */
  kill(): Promise<void>;
}

/**
 * Starts a node process with cairn's flags, in the network namespace `namespace` when given (the
 * NAT test's LAN host); its output is kept for `waitFor` (and echoed with CAIRN_TEST_LOG).
 */
export function startNodeProcess(name: string, args: readonly string[], namespace?: string): NodeProcess {
  const entry = join(import.meta.dirname, '..', 'fixtures', 'p2p-node.ts');
  const command = [process.execPath, '--conditions=@cairn/source', '--import', 'tsx', entry, ...args];
  if (namespace) command.unshift('ip', 'netns', 'exec', namespace);
  const child = spawn(command[0], command.slice(1), {
    cwd: join(import.meta.dirname, '..', '..', '..'),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (process.env.CAIRN_TEST_LOG) process.stderr.write(chunk.toString().replace(/^/gm, `[${name}] `));
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  return {
    name,
    child,
    output: () => output,
    waitFor: (pattern, timeoutMs = 60_000, from = 0) =>
      new Promise((resolve, reject) => {
        const deadline = Date.now() + timeoutMs;
        const check = () => {
          const match = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(output.slice(from));
          if (match) resolve(match);
          else if (child.exitCode !== null) reject(new Error(`${name} exited (${child.exitCode}) before printing ${pattern}:\n${output}`));
          else if (Date.now() > deadline) reject(new Error(`${name} did not print ${pattern} within ${timeoutMs} ms:\n${output.slice(-4000)}`));
          else setTimeout(check, 50);
        };
        check();
      }),
    send: (line) => child.stdin!.write(`${line}\n`),
    exited: () => exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) throw new Error(`${name} did not stop cleanly (exit ${code}):\n${output.slice(-4000)}`);
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The enode a node process logged when it started listening. */
export async function enodeOf(node: NodeProcess): Promise<string> {
  return (await node.waitFor(/p2p listening: (enode:\/\/[0-9a-f]{128}@[\d.]+:\d+)/))[1];
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
