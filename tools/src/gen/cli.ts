import { join, resolve } from 'node:path';
import { sharedDir } from '../repo-root';
import { type ChainShape, DEFAULT_SHAPE } from './chain-generator';
import { generatedChainFiles } from './generated-chain';

/**
 * `node --conditions=@cairn/source --import tsx tools/src/gen/cli.ts OUT_DIR [--blocks N]
 * [--senders N] [--token-transfers N] [--ether-transfers N] [--creations N]`: writes a generated
 * chain (genesis.json, blocks.rlp) into a folder of OUT_DIR named after its shape.
 */
async function main(argv: string[]): Promise<void> {
  const out = argv.find((arg) => !arg.startsWith('--'));
  if (out === undefined) throw new Error('usage: cli.ts OUT_DIR [--blocks N] [--senders N] [--token-transfers N] [--ether-transfers N] [--creations N]');
  const number = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return fallback;
    const value = Number(argv[i + 1]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number, got ${argv[i + 1]}`);
    return value;
  };
  const shape: ChainShape = {
    blocks: number('blocks', DEFAULT_SHAPE.blocks),
    senders: Math.max(1, number('senders', DEFAULT_SHAPE.senders)),
    tokenTransfers: number('token-transfers', DEFAULT_SHAPE.tokenTransfers),
    etherTransfers: number('ether-transfers', DEFAULT_SHAPE.etherTransfers),
    creations: number('creations', DEFAULT_SHAPE.creations),
  };
  const files = await generatedChainFiles(resolve(out), shape, join(sharedDir(), 'bench', 'workloads'));
  process.stdout.write(`${files.blocks} blocks: ${files.blocksFile}\ngenesis: ${files.genesisFile}\n`);
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
