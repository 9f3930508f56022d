import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../ui/common';
import { type Session, seatsWithUnsent } from './session';

export function SignIn({ initial, message, onSignIn }: { initial: Partial<Session> | null; message?: string; onSignIn: (s: Session) => void }) {
  const { t } = useTranslation();
  const [seat, setSeat] = useState(initial?.seat ? String(initial.seat) : '');
  const [name, setName] = useState(initial?.name ?? '');
  const [key, setKey] = useState(initial?.key ?? '');
  const [error, setError] = useState<string | null>(null);
  const unsent = seatsWithUnsent();

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
        <label className="field">
          <span>{t('signIn.seat')}</span>
          <input name="seat" inputMode="numeric" autoComplete="off" value={seat} onChange={(e) => setSeat(e.target.value)} aria-describedby="seat-hint" autoFocus />
          <small id="seat-hint" className="muted">
            {t('signIn.seatHint')}
          </small>
        </label>
        <label className="field">
          <span>{t('signIn.name')}</span>
          <input name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('signIn.key')}</span>
          <input name="key" type="password" autoComplete="current-password" value={key} onChange={(e) => setKey(e.target.value)} />
        </label>
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
