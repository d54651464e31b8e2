import { join } from 'node:path';
import { LevelDbStore } from '@cairn/storage';
import type { Service } from '../lifecycle/service';

/** The node's LevelDB store, in the `database` folder of `--data-path` (created on first use). */
export function openDatabase(dataPath: string): Promise<LevelDbStore> {
  return LevelDbStore.open(join(dataPath, 'database'));
}

/** Closes the store last, once everything that writes to it has stopped. */
export function databaseService(store: LevelDbStore): Service {
  return { name: 'database', start: async () => {}, stop: () => store.close() };
}
