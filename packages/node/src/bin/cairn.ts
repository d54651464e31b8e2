#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { runCli } from '../commands/cli';

const progress = (line: string) => {
  if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
  else process.stderr.write(`${line}\n`);
};

const code = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  readFile: (path) => readFileSync(path, 'utf8'),
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  progress,
  signals: process,
  exit: (exitCode) => process.exit(exitCode),
});
process.exitCode = code;
// Everything the node opened is closed by now; should a handle still hold the loop open, do not hang.
setTimeout(() => process.exit(code), 2000).unref();
