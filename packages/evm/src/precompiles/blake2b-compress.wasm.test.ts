import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { compileBlake2bWat, GENERATED_PATH, generatedModuleText } from '../../scripts/build-blake2b-wasm';
import { BLAKE2B_COMPRESS_WASM_BASE64 } from './blake2b-compress.wasm.generated';

describe('blake2b-compress.wasm.generated.ts', () => {
  it('holds exactly what blake2b-compress.wat compiles to (else run `npm run build:wasm`)', async () => {
    const wasm = await compileBlake2bWat();
    expect(Buffer.from(BLAKE2B_COMPRESS_WASM_BASE64, 'base64')).toEqual(Buffer.from(wasm));
    expect(await readFile(GENERATED_PATH, 'utf8')).toBe(generatedModuleText(wasm));
  });
});
