/**
 * Whether a hub answers, asked over plain HTTP before a window is sent to it: a window that
 * loads an address that does not answer shows Chromium's error page, while this lets the
 * shell keep its own waiting page up and retry quietly.
 */
export type ProbeResult = { ok: true } | { ok: false; reason: string };

type FetchLike = (url: string, init: { signal: AbortSignal; redirect: 'error' }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export async function probeHub(origin: string, fetchFn: FetchLike, timeoutMs = 4000): Promise<ProbeResult> {
  try {
    const res = await fetchFn(`${origin}/healthz`, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    if (!res.ok) return { ok: false, reason: `it answered with HTTP ${res.status}` };
    const body = (await res.json()) as { ok?: unknown } | null;
    // Something else may listen on that port; only a hub says { ok: true }.
    if (!body || body.ok !== true) return { ok: false, reason: 'something answered there, but it is not a helpline hub' };
    return { ok: true };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return { ok: false, reason: 'it did not answer in time' };
    const code = e.cause?.code;
    if (code === 'ECONNREFUSED') return { ok: false, reason: 'nothing is listening there (is the hub running?)' };
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return { ok: false, reason: 'that address cannot be reached from this PC' };
    if (code === 'ENOTFOUND') return { ok: false, reason: 'that name is not known on this network' };
    return { ok: false, reason: code ? `${e.message} (${code})` : e.message };
  }
}
