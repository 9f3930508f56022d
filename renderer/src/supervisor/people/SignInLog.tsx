/**
 * The sign-in log (`security:log`): sign-ins, failures, lock-outs and changes to accounts,
 * newest first, a page at a time; times in the hub's zone, what happened in words. The newest
 * page is read again whenever the accounts are (`refresh`), older pages when asked for.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecurityEvent } from '../../../../shared/protocol';
import type { HubClient } from '../../hubLink/client';
import { errorText } from '../../ui/errorText';
import type { HubTime } from '../../ui/hubTime';
import { joinLog } from './people';
import { PeopleTable } from './PeopleTable';

const PAGE = 50;

export function SignInLog({ client, connected, refresh, time, now, labelledBy }: { client: HubClient; connected: boolean; refresh: number; time: HubTime; now: Date; labelledBy: string }) {
  const { t } = useTranslation();
  const [newest, setNewest] = useState<SecurityEvent[] | null>(null);
  const [older, setOlder] = useState<{ items: SecurityEvent[]; next?: number; loaded: boolean }>({ items: [], loaded: false });
  const [firstNext, setFirstNext] = useState<number | undefined>();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!connected) return;
    let live = true;
    void client.request('security:log', { limit: PAGE }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(errorText(t, r.error.code));
      setError(null);
      setNewest(r.items);
      setFirstNext(r.next);
    });
    return () => {
      live = false;
    };
  }, [client, connected, refresh, t]);

  const more = useCallback(async () => {
    const before = older.loaded ? older.next : firstNext;
    if (before === undefined) return;
    const r = await client.request('security:log', { limit: PAGE, before });
    if (!r.ok) return setError(errorText(t, r.error.code));
    setOlder((o) => ({ items: [...o.items, ...r.items], ...(r.next !== undefined ? { next: r.next } : {}), loaded: true }));
  }, [client, older, firstNext, t]);

  if (!newest) return <p className={error ? 'field-error' : 'muted'}>{error ?? t('sup.people.loading')}</p>;
  const events = joinLog(newest, older.items);
  const hasMore = older.loaded ? older.next !== undefined : firstNext !== undefined;
  return (
    <>
      {events.length === 0 ? (
        <p className="muted">{t('sup.people.noLog')}</p>
      ) : (
        <PeopleTable
          labelledBy={labelledBy}
          columns={[{ title: t('sup.people.when') }, { title: t('sup.people.who') }, { title: t('sup.people.address') }, { title: t('sup.people.seat') }, { title: t('sup.people.what') }]}
        >
          {events.map((e) => (
            <tr key={e.id} className={e.kind === 'locked' || e.kind === 'refused' ? 'is-urgent' : undefined}>
              <td>{time.when(e.at, now)}</td>
              <td>{e.username ?? '—'}</td>
              <td>{e.address ?? '—'}</td>
              <td>{e.seat ?? '—'}</td>
              <td>
                {t(`sup.people.event.${e.kind}`, { defaultValue: e.kind })}
                {e.by && <span className="small muted"> {t('sup.people.by', { by: e.by })}</span>}
              </td>
            </tr>
          ))}
        </PeopleTable>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {hasMore && (
        <button type="button" className="btn" onClick={() => void more()} disabled={!connected}>
          {t('sup.people.older')}
        </button>
      )}
    </>
  );
}
