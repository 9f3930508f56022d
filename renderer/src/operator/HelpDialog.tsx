import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { SHORTCUTS } from './keys';

export function HelpDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog label={t('help.title')} onClose={onClose} className="help-dialog">
      <div className="dialog-head">
        <h2>{t('help.title')}</h2>
        <button type="button" className="btn btn-quiet" onClick={onClose} autoFocus>
          {t('help.close')}
        </button>
      </div>
      <p className="muted">{t('help.intro')}</p>
      <table className="keys-table">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.command}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{t(`help.keys.${s.command}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
