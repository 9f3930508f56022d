/** config:update and broadcast:send — the supervisor's live configuration of the floor. */
import { randomUUID } from 'node:crypto';
import type { BroadcastSendResult, ConfigUpdateResult, FloorConfig } from '../../../shared/protocol/config';
import { OpError } from '../errors';
import { withStaleGuidance } from '../staleGuidance';
import { loadConfig, saveConfig } from '../store/config';
import { once } from '../store/ops';
import { opKey } from './context';
import type { Handler } from './handler';

/** Lists may grow and change, never lose an id: old tickets still name it. */
function checkList(kind: string, before: { id: string }[], after: { id: string; active: boolean }[]): void {
  const ids = new Set<string>();
  for (const item of after) {
    if (ids.has(item.id)) throw new OpError('invalid', `${kind} ${item.id} is listed twice`);
    ids.add(item.id);
  }
  const missing = before.filter((b) => !ids.has(b.id)).map((b) => b.id);
  if (missing.length > 0) throw new OpError('invalid', `${kind} ${missing.join(', ')} cannot be removed; set it inactive instead`);
  if (kind === 'category' && !after.some((c) => c.active)) throw new OpError('invalid', 'at least one category must stay active');
}

export const updateConfig: Handler<'config:update'> = async (parts, caller, req) => {
  const result = await parts.writer.write((tx) =>
    once<ConfigUpdateResult>(tx, opKey(caller, req.opId, 'config:update'), async () => {
      const current = await loadConfig(tx.db);
      if (current.version !== req.version) throw new OpError('conflict', 'the configuration was changed by someone else', { config: current });
      if (req.categories) checkList('category', current.categories, req.categories);
      if (req.departments) checkList('department', current.departments, req.departments);
      const next: FloorConfig = {
        ...current,
        version: current.version + 1,
        ...(req.categories ? { categories: withStaleGuidance(current.categories, req.categories) } : {}),
        ...(req.departments ? { departments: req.departments } : {}),
        ...(req.sla ? { sla: req.sla } : {}),
        ...(req.privacy ? { privacy: req.privacy } : {}),
      };
      await saveConfig(tx.db, next);
      return { config: next };
    }),
  );
  parts.config.replace(result.config);
  return result;
};

export const sendBroadcast: Handler<'broadcast:send'> = async (parts, caller, req) => {
  let config: FloorConfig | undefined;
  const result = await parts.writer.write((tx) =>
    once<BroadcastSendResult>(tx, opKey(caller, req.opId, 'broadcast:send'), async () => {
      const current = await loadConfig(tx.db);
      const broadcast = { id: randomUUID(), text: req.text, at: tx.now.toISOString(), by: caller.name };
      config = { ...current, version: current.version + 1, broadcast };
      await saveConfig(tx.db, config);
      return { broadcast };
    }),
  );
  if (config) parts.config.replace(config);
  return result;
};
