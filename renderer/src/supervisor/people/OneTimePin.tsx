/**
 * A one-time PIN the hub made (a new account, a reset), shown once: large, spaced so that it is
 * read out and written down without mistakes, with what to do with it. The hub never shows it
 * again; the person replaces it at their first sign-in.
 */
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';

export function OneTimePin({ username, name, pin, onClose }: { username: string; name: string; pin: string; onClose: () => void }) {
  const { t } = useTranslation();
  const title = t('sup.people.oneTimeTitle', { name });
  return (
    <Dialog label={title} onClose={onClose} role="alertdialog" className="onetime-dialog">
      <h2>{title}</h2>
      <dl className="onetime">
        <dt>{t('sup.people.oneTimeUser')}</dt>
        <dd className="onetime-value">
          {username}
        </dd>
        <dt id="onetime-pin-label">{t('sup.people.oneTimePin')}</dt>
        <dd>
          <output className="onetime-value onetime-pin" aria-labelledby="onetime-pin-label">
            {pin}
          </output>
        </dd>
      </dl>
      <p className="alert alert-warn">{t('sup.people.writeDown')}</p>
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" onClick={onClose} autoFocus>
          {t('sup.people.done')}
        </button>
      </div>
    </Dialog>
  );
}
