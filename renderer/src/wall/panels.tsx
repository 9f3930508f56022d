/**
 * The wall's panels of figures, each from the hub's `stats`. Charts are plain CSS boxes sized
 * by share, so they stay sharp at any resolution and need no chart library.
 */
import { useTranslation } from 'react-i18next';
import type { FloorStats } from '../../../shared/protocol';
import { Bi } from '../ui/Bi';
import { formatIndian } from '../ui/format';
import type { HubTime } from '../ui/hubTime';
import type { Vocabulary } from '../ui/vocab';
import { hourBars, topWithRest } from './model';

export function HourlyChart({ stats, time }: { stats: FloorStats; time: HubTime }) {
  const { t } = useTranslation();
  const bars = hourBars(stats, time);
  const peak = bars.find((b) => b.peak);
  const current = bars[bars.length - 1];
  const summary = t('wall.hourly.summary', { peak: peak?.calls ?? 0, hour: peak?.label ?? '—', now: current?.calls ?? 0 });
  return (
    <section className="wall-panel hourly" aria-labelledby="wall-hourly-title">
      <h2 id="wall-hourly-title" className="wall-h2">
        <Bi k="wall.hourly.title" />
      </h2>
      <div className="hourly-chart" role="img" aria-label={summary}>
        {bars.map((b, i) => (
          <div key={i} className={`hbar ${b.current ? 'is-current' : ''} ${b.peak ? 'is-peak' : ''}`}>
            <span className="hbar-track">
              {(b.current || b.peak) && <span className="hbar-value">{formatIndian(b.calls)}</span>}
              <span className="hbar-fill" style={{ height: `${Math.max(b.calls > 0 ? 2 : 0, b.share * 100)}%` }} />
            </span>
            <span className="hbar-hour">{i % 3 === 2 || b.current ? b.label : ''}</span>
          </div>
        ))}
      </div>
    </section>
  );
}

function MixBars({ rows, label, columns }: { rows: { key: string; main: string; second: string; count: number; share: number; alert?: boolean }[]; label: string; columns?: boolean }) {
  return (
    <ul className={`mix ${columns ? 'mix-columns' : ''}`} aria-label={label}>
      {rows.map((r) => (
        <li key={r.key} className={`mix-row ${r.alert ? 'is-alert' : ''}`}>
          <span className="mix-label">
            <Bi main={r.main} second={r.second} />
          </span>
          <span className="mix-count">{formatIndian(r.count)}</span>
          <span className="mix-track" aria-hidden="true">
            <span className="mix-fill" style={{ width: `${Math.max(2, r.share * 100)}%` }} />
          </span>
        </li>
      ))}
    </ul>
  );
}

export function CategoryMix({ stats, vocab, vocabOther }: { stats: FloorStats; vocab: Vocabulary; vocabOther: Vocabulary }) {
  const { t } = useTranslation();
  const rows = topWithRest(stats.categoriesToday, (c) => c.tickets, (c) => c.category, 6).map((r) => ({
    key: r.id ?? '_rest',
    main: r.id ? vocab.category(r.id) : t('wall.restCategories'),
    second: r.id ? vocabOther.category(r.id) : t('wall.restCategories', { lng: vocabOther.lang }),
    count: r.count,
    share: r.share,
  }));
  return (
    <section className="wall-panel" aria-labelledby="wall-mix-title">
      <h2 id="wall-mix-title" className="wall-h2">
        <Bi k="wall.mix.title" />
      </h2>
      {rows.length === 0 ? <p className="wall-none">{t('wall.mix.none')}</p> : <MixBars rows={rows} label={t('wall.mix.title')} columns />}
    </section>
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
    <section className="wall-panel" aria-labelledby="wall-open-title">
      <h2 id="wall-open-title" className="wall-h2">
        <Bi k="wall.open.title" />
      </h2>
      <dl className="cols cols-3" aria-label={t('wall.open.byStatus')}>
        {status.map((s) => (
          <div key={s.k}>
            <dd>{formatIndian(s.n)}</dd>
            <dt>{t(s.k)}</dt>
          </div>
        ))}
      </dl>
      <dl className="cols cols-4" aria-label={t('wall.open.byAge')}>
        {age.map((s) => (
          <div key={s.k}>
            <dd>{formatIndian(s.n)}</dd>
            <dt>{t(s.k)}</dt>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function DepartmentsPending({ stats, vocab, vocabOther }: { stats: FloorStats; vocab: Vocabulary; vocabOther: Vocabulary }) {
  const { t } = useTranslation();
  const rows = topWithRest(stats.pendingByDepartment, (d) => d.tickets, (d) => d.department, 4).map((r) => ({
    key: r.id ?? '_rest',
    main: r.id ? vocab.department(r.id) : t('wall.restDepartments'),
    second: r.id ? vocabOther.department(r.id) : t('wall.restDepartments', { lng: vocabOther.lang }),
    count: r.count,
    share: r.share,
  }));
  return (
    <section className="wall-panel" aria-labelledby="wall-dept-title">
      <h2 id="wall-dept-title" className="wall-h2">
        <Bi k="wall.departments.title" />
      </h2>
      {rows.length === 0 ? <p className="wall-none">{t('wall.departments.none')}</p> : <MixBars rows={rows} label={t('wall.departments.title')} />}
    </section>
  );
}

/** Dropped calls by seat and time, for calling back from the consoles; never the caller's number. */
export function DroppedCalls({ stats, time }: { stats: FloorStats; time: HubTime }) {
  const { t } = useTranslation();
  const latest = stats.recentDropped.slice(0, 4);
  return (
    <section className="wall-panel" aria-labelledby="wall-dropped-title">
      <h2 id="wall-dropped-title" className="wall-h2">
        <Bi k="wall.droppedList.title" />
      </h2>
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
    </section>
  );
}
