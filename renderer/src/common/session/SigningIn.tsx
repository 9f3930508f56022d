import { useTranslation } from 'react-i18next';
import { SignInPage } from './SignInPage';

/** Waiting for the hub's answer to a sign-in (or a sign-out): what is happening, and a way back to the form. */
export function SigningIn({ text, unreachable, onCancel }: { text: string; unreachable?: boolean; onCancel?: () => void }) {
  const { t } = useTranslation();
  return (
    <SignInPage>
      <div className="signin-card">
        <p className="signin-app">{t('app.title')}</p>
        <h1>{text}</h1>
        <p role="status" className={unreachable ? 'alert alert-warn' : 'muted'}>
          {unreachable ? t('signIn.unreachable') : t('conn.connecting')}
        </p>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t('signIn.cancel')}
          </button>
        )}
      </div>
    </SignInPage>
  );
}
