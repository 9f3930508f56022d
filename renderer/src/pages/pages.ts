/**
 * The four pages the hub serves, all from one HTML file: each path loads its own console (and
 * its own styles) on demand, so one head, one policy and one start-up serve them all.
 */
import type { ComponentType } from 'react';

export type Page = { title: string; bodyClass?: string; load: () => Promise<ComponentType> };

export const PAGES: Record<string, Page> = {
  '/': { title: 'Helpline Control Room', load: () => import('./operator').then((m) => m.default) },
  '/supervisor': { title: 'Helpline Control Room — Supervisor', load: () => import('./supervisor').then((m) => m.default) },
  '/wall': { title: 'Helpline Control Room — Wall', bodyClass: 'wall-body', load: () => import('./wall').then((m) => m.default) },
  '/report': { title: 'Helpline Control Room — Daily situation report', bodyClass: 'report-body', load: () => import('./report').then((m) => m.default) },
};

/** The page for a path: `/wall`, `/wall/` and `/wall.html` are the wall; anything else the operator's console. */
export function pageFor(pathname: string): Page {
  const key = pathname.replace(/\.html$/, '').replace(/\/+$/, '') || '/';
  return PAGES[key === '/index' ? '/' : key] ?? PAGES['/']!;
}
