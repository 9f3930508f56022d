/**
 * Which language's guidance is out of date. Supervisors often fix the script in one language
 * first; until the other is edited too, operators reading it should know it may say something
 * else. The hub decides this on every `config:update`, from what changed, so that a client that
 * does not know the flag (or sends an old one back) can neither lose nor forge it.
 */
import type { CategoryConfig } from '../../shared/protocol/config';

type Lang = 'en' | 'hi';
const OTHER: Record<Lang, Lang> = { en: 'hi', hi: 'en' };

/**
 * The flag after an edit. Editing one language marks the other out of date, unless it was the
 * out-of-date one (then both are current again); editing both clears it; no edit keeps it.
 */
function staleAfter(before: CategoryConfig | undefined, after: CategoryConfig): Lang | null {
  const was = before?.staleGuidance ?? null;
  const edited = (['en', 'hi'] as const).filter((l) => (before?.guidance[l] ?? '') !== after.guidance[l]);
  if (edited.length === 2) return null;
  if (edited.length === 0) return was;
  const lang = edited[0]!;
  return was === lang ? null : OTHER[lang];
}

/** The categories as saved: each with the hub's flag, whatever the request carried. */
export function withStaleGuidance(before: readonly CategoryConfig[], after: readonly CategoryConfig[]): CategoryConfig[] {
  const byId = new Map(before.map((c) => [c.id, c]));
  return after.map((c) => {
    const { staleGuidance: _sent, ...rest } = c;
    const stale = staleAfter(byId.get(c.id), c);
    return stale ? { ...rest, staleGuidance: stale } : rest;
  });
}
