import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desktopApi } from '../../../../shared/desktop/api';
import { PIN_MAX } from '../../../../shared/protocol/accounts';
import { Field } from '../../ui/Field';
import { formatIndian } from '../../ui/format';
import { fillBlank, heldKey, useDesktopSignInDefaults } from './desktopSignIn';
import type { Words } from './refusal';
import { type ConsoleRole, type FormProblem, loadRemembered, type SignInAttempt, signInFromForm, unsentByPerson } from './session';
import { SignInPage } from './SignInPage';

/** What each console's form says above its fields. */
const INTRO: Record<ConsoleRole, { heading: string; intro: string }> = {
  operator: { heading: 'signIn.heading', intro: 'signIn.intro' },
  supervisor: { heading: 'sup.signIn.heading', intro: 'sup.signIn.intro' },
};

/** What the form shows again after a refusal: everything but the PIN. */
export type FormInitial = { seat?: number; user?: string; key?: string };

/**
 * The sign-in form of both consoles: the person's user name and PIN, an operator's seat, and the
 * access key only where this workstation does not hold it (the desktop app's configuration, or a
 * key that worked here before; "Change the access key" asks for it again). Its accessible names
 * (`Seat`, `User`, `PIN`, `Access key`, `Sign in`) are part of the contract.
 */
export function SignInForm({ role, message, initial, onSignIn }: { role: ConsoleRole; message?: Words | undefined; initial?: FormInitial | undefined; onSignIn: (a: SignInAttempt) => void }) {
  const { t } = useTranslation();
  const remembered = useMemo(() => loadRemembered(role), [role]);
  const hasSeat = role === 'operator';
  const firstSeat = initial?.seat ?? remembered.seat;
  const [seat, setSeat] = useState(firstSeat ? String(firstSeat) : '');
  const [user, setUser] = useState(initial?.user ?? remembered.user ?? '');
  const [pin, setPin] = useState('');
  const [key, setKey] = useState(initial?.key ?? '');
  const [changingKey, setChangingKey] = useState(Boolean(initial?.key));
  // Asked for by the link: the field that appears takes the focus.
  const [keyAsked, setKeyAsked] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  // The desktop app's key, once it has answered: undefined while asking, null for none.
  const [desktopKey, setDesktopKey] = useState<string | null | undefined>(() => (desktopApi() ? undefined : null));
  const [firstSignIn, setFirstSignIn] = useState<{ username: string; pin: string } | null>(null);
  useDesktopSignInDefaults(role, (d) => {
    setSeat((v) => fillBlank(v, d.seat));
    setDesktopKey(d.key ?? null);
    if (d.firstSignIn) {
      setFirstSignIn(d.firstSignIn);
      setUser((v) => fillBlank(v, d.firstSignIn?.username));
    }
  });
  const { ask: askKey, held } = heldKey(desktopKey, remembered.key, changingKey);
  // People on this screen who signed out with changes still to send are reminded of them.
  const unsent = hasSeat ? unsentByPerson() : [];
  const firstBlank = hasSeat && !seat ? 'seat' : !user ? 'user' : 'pin';
  // The field at fault takes the focus, so the person types the correction straight away.
  const fields = { seat: useRef<HTMLInputElement>(null), user: useRef<HTMLInputElement>(null), pin: useRef<HTMLInputElement>(null), key: useRef<HTMLInputElement>(null) };

  function submit(e: FormEvent) {
    e.preventDefault();
    const r = signInFromForm(role, { seat, user, pin, key: askKey ? key : '' }, askKey ? '' : held);
    if (!r.ok) {
      setProblem({ field: r.field, error: r.error });
      return fields[r.field].current?.focus();
    }
    onSignIn(r.attempt);
  }

  const errorOf = (field: FormProblem['field']) => (problem?.field === field ? t(problem.error, { max: PIN_MAX }) : null);

  return (
    <SignInPage>
      <form className="signin-card" onSubmit={submit} noValidate>
        <p className="signin-app">{t('app.title')}</p>
        <h1>{t(INTRO[role].heading)}</h1>
        <p className="muted">{t(INTRO[role].intro)}</p>
        {message && (
          <p className="alert alert-error" role="alert">
            {t(message.key, message.values)}
          </p>
        )}
        {firstSignIn && (
          <p className="alert alert-info" role="status">
            {t('signIn.firstStart', { user: firstSignIn.username, pin: firstSignIn.pin })}
          </p>
        )}
        {unsent.map((u) => (
          <p key={`${u.seat} ${u.user}`} className="alert alert-warn">
            {u.user ? t('signIn.pending', { count: formatIndian(u.count), seat: u.seat, user: u.user }) : t('signIn.pendingSeat', { count: formatIndian(u.count), seat: u.seat })}
          </p>
        ))}
        {hasSeat && (
          <Field label={t('signIn.seat')} hint={t('signIn.seatHint')} error={errorOf('seat')}>
            <input ref={fields.seat} name="seat" inputMode="numeric" autoComplete="off" value={seat} onChange={(e) => setSeat(e.target.value)} autoFocus={firstBlank === 'seat'} />
          </Field>
        )}
        <Field label={t('signIn.user')} hint={t('signIn.userHint')} error={errorOf('user')}>
          <input
            ref={fields.user}
            name="user"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            value={user}
            onChange={(e) => setUser(e.target.value)}
            autoFocus={firstBlank === 'user'}
          />
        </Field>
        {/* Digits bring up a number pad where there is one; a passphrase can still be typed. */}
        <Field label={t('signIn.pin')} hint={t('signIn.pinHint')} error={errorOf('pin')}>
          <input ref={fields.pin} name="pin" type="password" inputMode="numeric" autoComplete="current-password" value={pin} onChange={(e) => setPin(e.target.value)} autoFocus={firstBlank === 'pin'} />
        </Field>
        {askKey ? (
          <>
            <p className="small muted">{t('signIn.introKey')}</p>
            <Field label={t('signIn.key')} error={errorOf('key')}>
              <input ref={fields.key} name="key" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} autoFocus={keyAsked} />
            </Field>
          </>
        ) : (
          held && (
            <p className="small">
              <button type="button" className="link-button" 
                onClick={() => {
                  setChangingKey(true);
                  setKeyAsked(true);
                }}
              >
                {t('signIn.changeKey')}
              </button>
            </p>
          )
        )}
        <button type="submit" className="btn btn-primary btn-big">
          {t('signIn.submit')}
        </button>
      </form>
    </SignInPage>
  );
}
