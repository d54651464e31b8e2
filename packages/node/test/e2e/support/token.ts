import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Abi, Hex } from 'viem';

/** The test ERC-20, compiled by solc-js for the EVM version the dev chain runs. */
export interface CompiledToken {
  readonly abi: Abi;
  readonly bytecode: Hex;
}

interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  contracts: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>>;
}

/** Compiles `fixtures/Token.sol` (a second or two: solc-js is the compiler built to WebAssembly). */
export function compileToken(): CompiledToken {
  const solc = createRequire(import.meta.url)('solc') as { compile(input: string): string };
  const source = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'Token.sol'), 'utf8');
  const input = {
    language: 'Solidity',
    sources: { 'Token.sol': { content: source } },
    settings: { evmVersion: 'cancun', optimizer: { enabled: true, runs: 200 }, outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(`Token.sol does not compile:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  const token = output.contracts['Token.sol'].Token;
  return { abi: token.abi, bytecode: `0x${token.evm.bytecode.object}` };
}
