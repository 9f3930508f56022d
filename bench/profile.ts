/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went: self time by
 * function, and by part of the stack (Socket.IO/engine.io/ws, the SQLite driver, schema
 * validation, the hub's own code, Node internals, garbage collection, idle).
 *
 * `tsx bench/profile.ts FILE.cpuprofile` prints the summary of one profile.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type ProfileSummary = {
  totalMs: number;
  byPart: { part: string; ms: number; share: number }[];
  topFunctions: { fn: string; part: string; ms: number; share: number }[];
};

function partOf(url: string, fn: string): string {
  if (fn === '(idle)') return 'idle';
  if (fn === '(garbage collector)') return 'gc';
  if (fn === '(program)') return 'program (native, not attributed)';
  if (/node_modules\/(socket\.io|socket\.io-adapter|socket\.io-parser|engine\.io|ws)\//.test(url)) return 'socket.io / engine.io / ws';
  if (url.includes('node_modules/sqlite3')) return 'sqlite3 driver (JS side)';
  if (url.includes('node_modules/zod')) return 'zod validation';
  if (url.includes('node_modules/tsx') || url.includes('esbuild')) return 'tsx loader';
  if (url.includes('/electron/hub/') || url.includes('/shared/')) return 'hub code';
  if (url.startsWith('node:') || url === '') return 'node internals / native';
  if (url.includes('node_modules')) return 'other packages';
  return 'other';
}

export function summarizeProfile(file: string, top = 20): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  const totalMs = (p.endTime - p.startTime) / 1000;
  const parts = new Map<string, number>();
  const fns = new Map<string, { part: string; ms: number }>();
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    const part = partOf(n.callFrame.url, n.callFrame.functionName);
    parts.set(part, (parts.get(part) ?? 0) + ms);
    const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? `${basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
    const f = fns.get(name) ?? { part, ms: 0 };
    f.ms += ms;
    fns.set(name, f);
  }
  return {
    totalMs,
    byPart: [...parts].map(([part, ms]) => ({ part, ms, share: ms / totalMs })).sort((a, b) => b.ms - a.ms),
    topFunctions: [...fns].map(([fn, f]) => ({ fn, part: f.part, ms: f.ms, share: f.ms / totalMs })).sort((a, b) => b.ms - a.ms).slice(0, top),
  };
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  const s = summarizeProfile(process.argv[2]!);
  console.log(`total ${Math.round(s.totalMs)} ms`);
  for (const p of s.byPart) console.log(`${(p.share * 100).toFixed(1).padStart(5)}%  ${p.part}`);
  console.log('');
  for (const f of s.topFunctions) console.log(`${(f.share * 100).toFixed(1).padStart(5)}%  ${f.fn}  [${f.part}]`);
}
