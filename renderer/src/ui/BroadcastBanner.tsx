import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Broadcast } from '../../../shared/protocol';
import type { HubTime } from './hubTime';
import { browserStore } from '../hubLink/storage';

const SEEN_KEY = 'hcr.broadcast.hidden';

/** The supervisors' latest message to all seats, until the operator hides it. */
export function BroadcastBanner({ broadcast, time, dismissable = true, className }: { broadcast: Broadcast | undefined; time: HubTime; dismissable?: boolean; className?: string }) {
  const { t } = useTranslation();
  const [hidden, setHidden] = useState(() => browserStore().getItem(SEEN_KEY));
  if (!broadcast || (dismissable && hidden === broadcast.id)) return null;
  return (
    // A region read out politely: the message matters, but it must not cut into a call in progress.
    <section className={`broadcast ${className ?? ''}`} aria-label={t('broadcast.label')} aria-live="polite">
      <span className="broadcast-label">{t('broadcast.label')}</span>
      <p className="broadcast-text">{broadcast.text}</p>
      <span className="broadcast-from">{t('broadcast.from', { by: broadcast.by, time: time.clock(broadcast.at) })}</span>
      {dismissable && (
        <button
          type="button"
          className="btn btn-quiet"
          onClick={() => {
            browserStore().setItem(SEEN_KEY, broadcast.id);
            setHidden(broadcast.id);
          }}
        >
          {t('broadcast.dismiss')}
        </button>
      )}
    </section>
  );
}
