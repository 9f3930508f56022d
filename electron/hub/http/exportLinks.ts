/**
 * Single-use links to CSV exports. A supervisor's `export:start` makes one; the browser then
 * downloads it with a plain GET, which carries no socket and no key: the link itself is the
 * right to the data, so it works once, for a minute, and names who asked for it.
 */
import { randomBytes } from 'node:crypto';
import type { FloorConfig } from '../../../shared/protocol/config';
import type { ExportLang } from '../exportWords';
import type { ExportKind } from '../store/exports';

/**
 * What a link exports: the kind and the days, who asked (name and username), the language of its words, and the
 * floor's category and department labels as they were when it was asked for.
 */
export type ExportRequest = { kind: ExportKind; from: string; to: string; who: string; user?: string; lang: ExportLang; names: Pick<FloorConfig, 'categories' | 'departments'> };

const TOKEN_TTL_MS = 60_000;

export class ExportLinks {
  private pending = new Map<string, ExportRequest & { expires: number }>();

  /** A new link to `request`'s CSV, relative to the hub. */
  create(request: ExportRequest): string {
    const now = Date.now();
    for (const [t, p] of this.pending) if (p.expires < now) this.pending.delete(t);
    const token = randomBytes(24).toString('base64url');
    this.pending.set(token, { ...request, expires: now + TOKEN_TTL_MS });
    return `/export/${request.kind}.csv?token=${token}`;
  }

  /** What the link with `token` asked for, if it is valid for `kind`; using it spends it. */
  take(token: string, kind: ExportKind | null): ExportRequest | null {
    const found = this.pending.get(token);
    this.pending.delete(token);
    if (!found || found.expires < Date.now() || found.kind !== kind) return null;
    const { expires: _expires, ...request } = found;
    return request;
  }
}
