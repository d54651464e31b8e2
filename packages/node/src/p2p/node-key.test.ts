import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesToHex, ConfigError } from '@cairn/common';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultNodeKeyPath, loadOrCreateNodeKey } from './node-key';

const dir = mkdtempSync(join(tmpdir(), 'cairn-node-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('node key file', () => {
  it('is created under the data path when missing, owner-readable only, and read back unchanged', () => {
    const path = defaultNodeKeyPath(join(dir, 'data'));
    expect(path).toBe(join(dir, 'data', 'key'));
    const key = loadOrCreateNodeKey(path);
    expect(readFileSync(path, 'utf8')).toBe(bytesToHex(key));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadOrCreateNodeKey(path)).toEqual(key);
  });

  it('reads hex with or without 0x and surrounding whitespace, as Besu writes it', () => {
    const path = join(dir, 'plain');
    writeFileSync(path, `  ${'11'.repeat(32)}\n`);
    expect(bytesToHex(loadOrCreateNodeKey(path))).toBe(`0x${'11'.repeat(32)}`);
  });

  it('refuses a file that is not a private key, leaving it as it was', () => {
    for (const [name, text] of [
      ['short', '0x1234'],
      ['text', 'not a key'],
      ['zero', `0x${'00'.repeat(32)}`],
      ['order', `0x${'ff'.repeat(32)}`],
    ]) {
      const path = join(dir, name);
      writeFileSync(path, text);
      expect(() => loadOrCreateNodeKey(path)).toThrow(ConfigError);
      expect(readFileSync(path, 'utf8')).toBe(text);
    }
  });
});
