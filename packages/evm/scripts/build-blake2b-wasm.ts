import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import createWabt from 'wabt';

/**
 * Compiles the hand-written src/precompiles/blake2b-compress.wat with wabt (a devDependency) and
 * writes the module, base64, into the committed src/precompiles/blake2b-compress.wasm.generated.ts,
 * so that neither installing nor building the package needs a WebAssembly toolchain. Run
 * `npm run build:wasm` in packages/evm after changing the .wat; the test
 * blake2b-compress.wasm.test.ts fails while the committed module and the .wat disagree.
 */

const WAT_PATH = fileURLToPath(new URL('../src/precompiles/blake2b-compress.wat', import.meta.url));
/** The generated TypeScript module this script writes. */
export const GENERATED_PATH = fileURLToPath(new URL('../src/precompiles/blake2b-compress.wasm.generated.ts', import.meta.url));

/** The WebAssembly binary of blake2b-compress.wat, validated; wabt's output is deterministic. */
export async function compileBlake2bWat(): Promise<Uint8Array> {
  const wabt = await createWabt();
  const module = wabt.parseWat('blake2b-compress.wat', await readFile(WAT_PATH, 'utf8'));
  try {
    module.validate();
    return Uint8Array.from(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}

/** The text of the generated module for `wasm`: the bytes in base64, 100 characters a line. */
export function generatedModuleText(wasm: Uint8Array): string {
  const lines = Buffer.from(wasm).toString('base64').match(/.{1,100}/g) ?? [];
  return [
    '// Generated from blake2b-compress.wat by packages/evm/scripts/build-blake2b-wasm.ts: do not edit.',
    '// After changing the .wat, regenerate with `npm run build:wasm` in packages/evm.',
    '',
    `/** The compiled BLAKE2b compression module (${wasm.length} bytes), base64. */`,
    'export const BLAKE2B_COMPRESS_WASM_BASE64 =',
    `${lines.map((line) => `  '${line}'`).join(' +\n')};`,
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const wasm = await compileBlake2bWat();
  await writeFile(GENERATED_PATH, generatedModuleText(wasm));
  console.log(`wrote ${GENERATED_PATH} (${wasm.length} bytes of WebAssembly)`);
}
