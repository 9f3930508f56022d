import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../ui/common';
import { fillBlank, useDesktopSignInDefaults } from '../ui/desktopSignIn';
import { Field } from '../ui/Field';
import type { SupervisorSession } from './session';

/** The supervisor's sign-in: a name and the supervisor key; a supervisor has no seat. */
export function SupervisorSignIn({ initial, message, onSignIn }: { initial: SupervisorSession | null; message?: string; onSignIn: (s: SupervisorSession) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial?.name ?? '');
  const [key, setKey] = useState(initial?.key ?? '');
  const [error, setError] = useState<string | null>(null);
  // On the hub PC (or a supervisor's PC set up with the key): the key, where the field is blank.
  useDesktopSignInDefaults('supervisor', (d) => setKey((v) => fillBlank(v, d.key)));

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setError(t('signIn.needName'));
    if (!key.trim()) return setError(t('signIn.needKey'));
    onSignIn({ name: name.trim(), key: key.trim() });
  }

  return (
    <main className="signin">
      <div className="signin-lang">
        <LanguageSwitch />
      </div>
      <form className="signin-card" onSubmit={submit} noValidate>
        <p className="signin-app">{t('app.title')}</p>
        <h1>{t('sup.signIn.heading')}</h1>
        <p className="muted">{t('sup.signIn.intro')}</p>
        {message && (
          <p className="alert alert-error" role="alert">
            {message}
          </p>
        )}
        <Field label={t('signIn.name')}>
          <input name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </Field>
        <Field label={t('signIn.key')}>
          <input name="key" type="password" autoComplete="current-password" value={key} onChange={(e) => setKey(e.target.value)} />
        </Field>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-big">
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
