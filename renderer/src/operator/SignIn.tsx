import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../ui/common';
import { fillBlank, useDesktopSignInDefaults } from '../ui/desktopSignIn';
import { Field } from '../ui/Field';
import { type Session, seatsWithUnsent } from './session';

export function SignIn({ initial, message, onSignIn }: { initial: Partial<Session> | null; message?: string; onSignIn: (s: Session) => void }) {
  const { t } = useTranslation();
  const [seat, setSeat] = useState(initial?.seat ? String(initial.seat) : '');
  const [name, setName] = useState(initial?.name ?? '');
  const [key, setKey] = useState(initial?.key ?? '');
  const [error, setError] = useState<string | null>(null);
  const unsent = seatsWithUnsent();
  // In the desktop app: the seat number and key IT set for this PC, where the fields are blank.
  useDesktopSignInDefaults('operator', (d) => {
    setSeat((v) => fillBlank(v, d.seat));
    setKey((v) => fillBlank(v, d.key));
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const n = Number(seat);
    if (!Number.isInteger(n) || n < 1) return setError(t('signIn.needSeat'));
    if (!name.trim()) return setError(t('signIn.needName'));
    if (!key.trim()) return setError(t('signIn.needKey'));
    onSignIn({ seat: n, name: name.trim(), key: key.trim() });
  }

  return (
    <main className="signin">
      <div className="signin-lang">
        <LanguageSwitch />
      </div>
      <form className="signin-card" onSubmit={submit} noValidate>
        <p className="signin-app">{t('app.title')}</p>
        <h1>{t('signIn.heading')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        {message && (
          <p className="alert alert-error" role="alert">
            {message}
          </p>
        )}
        {unsent.map((u) => (
          <p key={u.seat} className="alert alert-warn">
            {t('signIn.pending', { count: u.count, seat: u.seat })}
          </p>
        ))}
        <Field label={t('signIn.seat')} hint={t('signIn.seatHint')}>
          <input name="seat" inputMode="numeric" autoComplete="off" value={seat} onChange={(e) => setSeat(e.target.value)} autoFocus />
        </Field>
        <Field label={t('signIn.name')}>
          <input name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
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
