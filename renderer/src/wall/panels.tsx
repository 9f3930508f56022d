/**
 * The wall's panels of figures, each from the hub's `stats`. Charts are plain CSS boxes sized
 * by share, so they stay sharp at any resolution and need no chart library.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorStats } from '../../../shared/protocol';
import { Bi } from '../ui/Bi';
import { formatIndian } from '../ui/format';
import type { HubTime } from '../ui/hubTime';
import type { Vocabulary } from '../ui/vocab';
import { hourBars, topWithRest } from './model';

/** A panel of the wall under its title in both languages; the title names the panel's region. */
function Panel({ id, titleKey, className, children }: { id: string; titleKey: string; className?: string; children: ReactNode }) {
  return (
    <section className={`wall-panel ${className ?? ''}`} aria-labelledby={id}>
      <h2 id={id} className="wall-h2">
        <Bi k={titleKey} />
      </h2>
      {children}
    </section>
  );
}

export function HourlyChart({ stats, time }: { stats: FloorStats; time: HubTime }) {
  const { t } = useTranslation();
  const bars = hourBars(stats, time);
  const peak = bars.find((b) => b.peak);
  const current = bars[bars.length - 1];
  const summary = t('wall.hourly.summary', { peak: peak?.calls ?? 0, hour: peak?.label ?? '—', now: current?.calls ?? 0 });
  return (
    <Panel id="wall-hourly-title" titleKey="wall.hourly.title" className="hourly">
      <div className="hourly-chart" role="img" aria-label={summary}>
        {bars.map((b, i) => (
          <div key={i} className={`hbar ${b.current ? 'is-current' : ''} ${b.peak ? 'is-peak' : ''}`}>
            <span className="hbar-track">
              {b.showCount && <span className="hbar-value">{formatIndian(b.calls)}</span>}
              <span className="hbar-fill" style={{ height: `${Math.max(b.calls > 0 ? 2 : 0, b.share * 100)}%` }} />
            </span>
            <span className="hbar-hour">{i % 3 === 2 || b.current ? b.label : ''}</span>
          </div>
        ))}
      </div>
    </Panel>
  );
}

/** What each mix counts and says: today's requests by category, what waits with each department. */
const MIXES = {
  categories: { words: 'wall.mix', rest: 'wall.restCategories', top: 6, items: (s: FloorStats) => s.categoriesToday.map((c) => ({ id: c.category, n: c.tickets })), name: (v: Vocabulary, id: string) => v.category(id) },
  departments: { words: 'wall.departments', rest: 'wall.restDepartments', top: 4, items: (s: FloorStats) => s.pendingByDepartment.map((d) => ({ id: d.department, n: d.tickets })), name: (v: Vocabulary, id: string) => v.department(id) },
};

/** Counts by name with a bar each, the largest first and the rest together in one row. */
export function Mix({ of, stats, vocab, vocabOther }: { of: keyof typeof MIXES; stats: FloorStats; vocab: Vocabulary; vocabOther: Vocabulary }) {
  const { t } = useTranslation();
  const mix = MIXES[of];
  const rows = topWithRest(mix.items(stats), (x) => x.n, (x) => x.id, mix.top);
  return (
    <Panel id={`wall-${of}-title`} titleKey={`${mix.words}.title`}>
      {rows.length === 0 ? (
        <p className="wall-none">{t(`${mix.words}.none`)}</p>
      ) : (
        <ul className="mix" aria-label={t(`${mix.words}.title`)}>
          {rows.map((r) => (
            <li key={r.id ?? '_rest'} className="mix-row">
              <span className="mix-label">
                <Bi
                  main={r.id ? mix.name(vocab, r.id) : t(mix.rest)}
                  second={r.id ? mix.name(vocabOther, r.id) : t(mix.rest, { lng: vocabOther.lang })}
                />
              </span>
              <span className="mix-count">{formatIndian(r.count)}</span>
              <span className="mix-track" aria-hidden="true">
                <span className="mix-fill" style={{ width: `${Math.max(2, r.share * 100)}%` }} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

export function OpenTickets({ stats }: { stats: FloorStats }) {
  const { t } = useTranslation();
  const status = [
    { k: 'status.open', n: stats.openByStatus.open },
    { k: 'status.in_progress', n: stats.openByStatus.in_progress },
    { k: 'status.forwarded', n: stats.openByStatus.forwarded },
  ];
  const age = [
    { k: 'wall.age.under1h', n: stats.openByAge.under1h },
    { k: 'wall.age.h1to4', n: stats.openByAge.h1to4 },
    { k: 'wall.age.h4to24', n: stats.openByAge.h4to24 },
    { k: 'wall.age.over24h', n: stats.openByAge.over24h },
  ];
  return (
    <Panel id="wall-open-title" titleKey="wall.open.title">
      <Counts label={t('wall.open.byStatus')} rows={status} />
      <Counts label={t('wall.open.byAge')} rows={age} pairs />
    </Panel>
  );
}

/** Counts after their words, one to a line, or two to a line (`pairs`) for short words. */
function Counts({ label, rows, pairs }: { label: string; rows: { k: string; n: number }[]; pairs?: boolean }) {
  const { t } = useTranslation();
  return (
    <dl className={`counts ${pairs ? 'counts-pairs' : ''}`} aria-label={label}>
      {rows.map((s) => (
        <div key={s.k}>
          <dt>{t(s.k)}</dt>
          <dd>{formatIndian(s.n)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Dropped calls by seat and time, for calling back from the consoles; never the caller's number. */
export function DroppedCalls({ stats, time }: { stats: FloorStats; time: HubTime }) {
  const { t } = useTranslation();
  const latest = stats.recentDropped.slice(0, 4);
  return (
    <Panel id="wall-dropped-title" titleKey="wall.droppedList.title">
      {latest.length === 0 ? (
        <p className="wall-none">{t('wall.droppedList.none')}</p>
      ) : (
        <ul className="dropped" aria-label={t('wall.droppedList.title')}>
          {latest.map((d) => (
            <li key={d.callId}>
              <span className="dropped-time">{time.clockMinutes(d.at)}</span> {t('wall.seat', { seat: d.seat })}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
