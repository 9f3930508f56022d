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

/**
 * The configuration in force: the last one committed. Handlers read it; a change made live is
 * pushed to every client at once by `publish`.
 */
export class LiveConfig {
  constructor(
    private value: FloorConfig,
    private readonly publish: (config: FloorConfig) => void,
  ) {}

  get current(): FloorConfig {
    return this.value;
  }

  /** Makes a committed configuration live; one no newer than the live one (a retried op's answer) changes nothing. */
  replace(next: FloorConfig): void {
    if (next.version <= this.value.version) return;
    this.value = next;
    this.publish(next);
  }
}
