import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyValueStoreConformance } from './conformance/index';
import { StoreCorruptError, StoreLockedError, StoreOpenError } from './errors';
import { LevelDbStore } from './leveldb-store';

const root = mkdtempSync(join(tmpdir(), 'cairn-leveldb-'));
let counter = 0;
const freshDir = () => join(root, `db-${counter++}`);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('LevelDbStore conformance', () => {
  for (const c of keyValueStoreConformance) it(c.name, () => c.run(() => LevelDbStore.open(freshDir())));
});

describe('LevelDbStore', () => {
  it('keeps its data across close and reopen', async () => {
    const dir = freshDir();
    const store = await LevelDbStore.open(dir);
    await store.put(Uint8Array.of(1), Uint8Array.of(2));
    await store.close();
    const again = await LevelDbStore.open(dir);
    expect(await again.get(Uint8Array.of(1))).toEqual(Uint8Array.of(2));
    await again.close();
  });

  it('refuses a second handle on a store this process holds with StoreLockedError', async () => {
    const dir = freshDir();
    const store = await LevelDbStore.open(dir);
    await expect(LevelDbStore.open(dir)).rejects.toBeInstanceOf(StoreLockedError);
    await store.close();
    await (await LevelDbStore.open(dir)).close();
  });

  it('refuses a store another process holds with StoreLockedError', async () => {
    const dir = freshDir();
    const holder = spawn(
      process.execPath,
      ['--input-type=module', '-e', `const { ClassicLevel } = await import('classic-level'); const db = new ClassicLevel(${JSON.stringify(dir)}); await db.open(); console.log('open'); setTimeout(() => db.close(), 20000);`],
      { cwd: import.meta.dirname, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('open') && resolve());
        holder.on('exit', (code) => reject(new Error(`the holder exited with ${code}`)));
      });
      const error = await LevelDbStore.open(dir).catch((e) => e);
      expect(error).toBeInstanceOf(StoreLockedError);
      expect(error.message).toMatch(/locked/);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('reports damaged files with StoreCorruptError', async () => {
    const dir = freshDir();
    const store = await LevelDbStore.open(dir);
    await store.put(Uint8Array.of(1), Uint8Array.of(2));
    await store.close();
    const manifest = readdirSync(dir).find((name) => name.startsWith('MANIFEST-'))!;
    writeFileSync(join(dir, manifest), Buffer.alloc(200, 0x5a));
    await expect(LevelDbStore.open(dir)).rejects.toBeInstanceOf(StoreCorruptError);
  });

  it('reports a location that cannot hold a store with StoreOpenError', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'not a directory');
    await expect(LevelDbStore.open(file)).rejects.toBeInstanceOf(StoreOpenError);
  });
});
