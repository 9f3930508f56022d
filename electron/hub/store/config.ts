/** The floor configuration, one JSON document in `meta`, seeded with the defaults. */
import type { FloorConfig } from '../../../shared/protocol/config';
import { DEFAULT_CONFIG } from '../../../shared/domain/defaultConfig';
import type { AnyDb, WriteDb } from '../db/connection';

export async function loadConfig(db: AnyDb): Promise<FloorConfig> {
  const row = await db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'config'");
  // Fields added after a hub first stored its configuration take their defaults.
  return row ? { ...structuredClone(DEFAULT_CONFIG), ...(JSON.parse(row.value) as FloorConfig) } : structuredClone(DEFAULT_CONFIG);
}

export async function saveConfig(db: WriteDb, config: FloorConfig): Promise<void> {
  await db.run("INSERT INTO meta (key, value) VALUES ('config', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [JSON.stringify(config)]);
}
