import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { Field } from '../../ui/Field';
import { fillBlank, useDesktopSignInDefaults } from './desktopSignIn';
import { type ConsoleRole, seatsWithUnsent, type SessionOf, sessionFromForm } from './session';

/** What each console's form says above its fields. */
const INTRO: Record<ConsoleRole, { heading: string; intro: string }> = {
  operator: { heading: 'signIn.heading', intro: 'signIn.intro' },
  supervisor: { heading: 'sup.signIn.heading', intro: 'sup.signIn.intro' },
};

/**
 * The sign-in form of both consoles: a name and the access key, and for an operator the seat.
 * Its accessible names (`Seat`, `Name`, `Access key`, `Sign in`) are part of the contract.
 */
export function SignInForm<R extends ConsoleRole>({
  role,
  initial,
  message,
  onSignIn,
}: {
  role: R;
  initial: Partial<SessionOf<R>> | null;
  message?: string | undefined;
  onSignIn: (s: SessionOf<R>) => void;
}) {
  const { t } = useTranslation();
  const hasSeat = role === 'operator';
  const initialSeat = initial && 'seat' in initial ? initial.seat : undefined;
  const [seat, setSeat] = useState(initialSeat ? String(initialSeat) : '');
  const [name, setName] = useState(initial?.name ?? '');
  const [key, setKey] = useState(initial?.key ?? '');
  const [error, setError] = useState<string | null>(null);
  // Operators on this screen who signed out with changes still to send are reminded of them.
  const unsent = hasSeat ? seatsWithUnsent() : [];
  // In the desktop app: the seat number and key IT set for this PC, where the fields are blank.
  useDesktopSignInDefaults(role, (d) => {
    setSeat((v) => fillBlank(v, d.seat));
    setKey((v) => fillBlank(v, d.key));
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const r = sessionFromForm(role, { seat, name, key });
    if (!r.ok) return setError(t(r.error));
    onSignIn(r.session);
  }

  return (
    <main className="signin">
      <div className="signin-lang">
        <LanguageSwitch />
      </div>
      <form className="signin-card" onSubmit={submit} noValidate>
        <p className="signin-app">{t('app.title')}</p>
        <h1>{t(INTRO[role].heading)}</h1>
        <p className="muted">{t(INTRO[role].intro)}</p>
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
        {hasSeat && (
          <Field label={t('signIn.seat')} hint={t('signIn.seatHint')}>
            <input name="seat" inputMode="numeric" autoComplete="off" value={seat} onChange={(e) => setSeat(e.target.value)} autoFocus />
          </Field>
        )}
        <Field label={t('signIn.name')}>
          <input name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} autoFocus={!hasSeat} />
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
