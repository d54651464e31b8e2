import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO_ROOT = join(import.meta.dirname, '..');
const BIN = join(REPO_ROOT, 'packages', 'node', 'src', 'bin', 'cairn.ts');
const STARTUP_TIMEOUT_MS = 60_000;

/** Where a started node listens, read from its banner. */
export interface Endpoints {
  readonly http: string;
  readonly ws: string;
  readonly metrics?: string;
}

/**
 * A real `cairn --network=dev` process run from source (`node --conditions=@cairn/source --import
 * tsx packages/node/src/bin/cairn.ts`, so no build is needed), on ports the system picks (0) and a
 * data path of its own. Its output is kept for assertions and for failure messages. Used by the
 * node's end-to-end tests and the `rpc` benchmark.
 */
export class CairnProcess {
  readonly output: string[] = [];
  #child: ChildProcess | undefined;
  #exit: Promise<number | null> | undefined;

  private constructor(readonly dataPath: string) {}

  /** A temporary data path, removed by `cleanUp`. */
  static tempDataPath(): string {
    return mkdtempSync(join(tmpdir(), 'cairn-e2e-'));
  }

  static async start(dataPath: string, flags: readonly string[] = []): Promise<{ node: CairnProcess; endpoints: Endpoints }> {
    const node = new CairnProcess(dataPath);
    const endpoints = await node.#spawn(flags);
    return { node, endpoints };
  }

  async #spawn(flags: readonly string[]): Promise<Endpoints> {
    const args = ['--conditions=@cairn/source', '--import', 'tsx', BIN, '--network=dev', `--data-path=${this.dataPath}`, '--rpc-http-port=0', '--rpc-ws-port=0', ...flags];
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
    this.#child = child;
    this.#exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      this.output.push(...lines);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    for (;;) {
      const endpoint = (label: string) => this.output.find((line) => line.includes(label))?.match(/(\w+:\/\/[\d.]+:\d+\S*)/)?.[1];
      const http = endpoint('JSON-RPC HTTP');
      const ws = endpoint('JSON-RPC WS');
      if (http && ws) return { http, ws, metrics: endpoint('metrics') };
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`cairn did not start (exit code ${child.exitCode}):\n${this.output.join('\n')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The operating system's id of the process. */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** Sends `signal` and waits for the exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.#child === undefined || this.#child.exitCode !== null) return this.#child?.exitCode ?? null;
    this.#child.kill(signal);
    return this.#exit!;
  }

  /** Kills the process if it still runs (tests that failed half-way), then deletes the data path. */
  async cleanUp(): Promise<void> {
    if (this.#child && this.#child.exitCode === null) {
      this.#child.kill('SIGKILL');
      await this.#exit;
    }
    rmSync(this.dataPath, { recursive: true, force: true });
  }
}
