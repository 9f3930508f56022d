/**
 * Sign-in and connect, for both consoles. The form until this screen has a session; then one
 * connection to the hub, signed in with the person's PIN (once) or their session's token (a
 * reload, a restart, every reconnect). A refusal, or a session the hub ended, sends the person
 * back to the form with the reason in their language. A person who must choose their own PIN
 * sees only that form until they have.
 */
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../../shared/protocol';
import { createBrowserClient } from '../../hubLink/browser';
import type { ClientView, HubClient } from '../../hubLink/client';
import { useClientView } from '../../ui/hooks';
import { ChoosePinScreen } from './ChoosePin';
import { endedWords, refusalWords, resumeRefusedWords, type Words } from './refusal';
import { type ConsoleRole, consoleSession, forgetSession, loadRemembered, rememberSignIn, type SessionOf, type SignInAttempt, type StoredSession, updateSession } from './session';
import { type FormInitial, SignInForm } from './SignInForm';
import { SigningIn } from './SigningIn';

export interface SignedIn<R extends ConsoleRole> {
  client: HubClient;
  view: ClientView;
  session: SessionOf<R>;
  onSignOut: () => void;
}

/** A sign-in on its way (the PIN, until the hub answers) or a session being used (its token). */
type Live = { attempt: SignInAttempt; stored?: undefined } | { attempt?: undefined; stored: StoredSession };
type Phase = { kind: 'form'; message?: Words; initial?: FormInitial } | ({ kind: 'live'; n: number } & Live);

let attempts = 0;

export function SessionGate<R extends ConsoleRole>({ role, children }: { role: R; children: (signedIn: SignedIn<R>) => ReactNode }) {
  const [phase, setPhase] = useState<Phase>(() => {
    const stored = loadRemembered(role).session;
    return stored ? { kind: 'live', n: ++attempts, stored } : { kind: 'form' };
  });

  const toForm = useCallback(
    (message?: Words, initial?: FormInitial) => {
      forgetSession(role);
      setPhase({ kind: 'form', ...(message ? { message } : {}), ...(initial ? { initial } : {}) });
    },
    [role],
  );

  if (phase.kind === 'form') {
    return <SignInForm key={phase.message?.key ?? ''} role={role} message={phase.message} initial={phase.initial} onSignIn={(attempt) => setPhase({ kind: 'live', n: ++attempts, attempt })} />;
  }
  return (
    <Connected
      key={phase.n}
      role={role}
      live={phase}
      // The hub answered the PIN: from here on only the token is kept, here and in the page's state.
      onSignedIn={(stored) => setPhase({ kind: 'live', n: phase.n, stored })}
      onEnd={toForm}
    >
      {children}
    </Connected>
  );
}

function clientFor(role: ConsoleRole, live: Live): HubClient {
  const seat = live.attempt ? live.attempt.seat : live.stored.seat;
  const auth = live.attempt ? { key: live.attempt.key, user: live.attempt.user } : { key: live.stored.key, user: live.stored.user.username };
  const opts = live.attempt
    ? { credential: { pin: live.attempt.pin } }
    : { credential: { token: live.stored.token }, session: sessionOf(live.stored) };
  // An operator's changes wait in the outbox of the seat and person; the supervisor's own changes
  // to tickets go through an outbox like an operator's, kept apart from any seat's.
  return seat !== undefined ? createBrowserClient({ ...auth, seat }, opts) : createBrowserClient(auth, { ...opts, outboxScope: 'supervisor' });
}

function sessionOf(s: StoredSession): Session {
  return { token: s.token, expiresAt: s.expiresAt, user: s.user, ...(s.mustChangePin ? { mustChangePin: true } : {}) };
}

function Connected<R extends ConsoleRole>({
  role,
  live,
  onSignedIn,
  onEnd,
  children,
}: {
  role: R;
  live: Live;
  onSignedIn: (stored: StoredSession) => void;
  onEnd: (message?: Words, initial?: FormInitial) => void;
  children: (signedIn: SignedIn<R>) => ReactNode;
}) {
  const { t } = useTranslation();
  // One client per sign-in: made from the first props (with the PIN), kept when they change to the token.
  const [client] = useState(() => clientFor(role, live));
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  const view = useClientView(client);
  const [signingOut, setSigningOut] = useState(false);
  // What the form is filled in with again after a refused sign-in: everything but the PIN.
  const retry = useRef<FormInitial | undefined>(live.attempt ? { user: live.attempt.user, ...(live.attempt.seat ? { seat: live.attempt.seat } : {}), ...(live.attempt.keyTyped ? { key: live.attempt.key } : {}) } : undefined);
  const keyTyped = live.attempt?.keyTyped ?? false;
  const expiresAt = live.stored?.expiresAt;

  // The hub's word on the session: remembered on the first sign-in, kept current after.
  const heard = view.session;
  useEffect(() => {
    if (!heard) return;
    if (live.attempt) onSignedIn(rememberSignIn(role, live.attempt, heard));
    else updateSession(role, heard);
  }, [heard, live, role, onSignedIn]);

  useEffect(() => {
    if (view.connection === 'ended') onEnd(endedWords(view.ended));
    else if (view.connection === 'refused') {
      // A refused token is a session that is over; a refused PIN is a sign-in to try again.
      if (expiresAt) onEnd(resumeRefusedWords(view.refusal, role, expiresAt, new Date()));
      else onEnd(refusalWords(view.refusal, role, keyTyped), retry.current);
    }
  }, [view.connection, view.ended, view.refusal, onEnd, role, keyTyped, expiresAt]);

  // A supervisor's console signed in with an operator's key or account is sent back too.
  const heardRole = view.hub.you?.role;
  const accountRole = view.session?.user.role;
  useEffect(() => {
    if (role !== 'supervisor') return;
    if (heardRole && heardRole !== 'supervisor') onEnd({ key: 'sup.notSupervisorKey' }, retry.current);
    else if (accountRole && accountRole !== 'supervisor') onEnd({ key: 'sup.notSupervisorAccount' }, retry.current);
  }, [role, heardRole, accountRole, onEnd]);

  const signOut = useCallback(() => {
    setSigningOut(true);
    void client.signOut().then(() => onEnd());
  }, [client, onEnd]);

  if (signingOut) return <SigningIn text={t('signIn.signingOut')} />;
  if (!view.session || !live.stored) {
    return <SigningIn text={t('signIn.signingIn', { user: live.attempt?.user ?? '' })} unreachable={view.connection === 'reconnecting' || view.connection === 'offline'} onCancel={() => onEnd(undefined, retry.current)} />;
  }
  if (view.session.mustChangePin) return <ChoosePinScreen client={client} onSignOut={signOut} />;
  // The account's name as the hub last said it (a supervisor may have corrected it).
  return children({ client, view, session: consoleSession<R>({ ...live.stored, user: view.session.user }), onSignOut: signOut });
}
