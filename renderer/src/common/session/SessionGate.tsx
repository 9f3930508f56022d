/**
 * Sign-in and connect, for both consoles: the form until this screen has a session, then one
 * connection to the hub made with it. A refused key, or (for the supervisor's console) a key of
 * another role, sends the person back to the form with the reason, in their language.
 */
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserClient } from '../../hubLink/browser';
import type { ClientView, HubClient } from '../../hubLink/client';
import { useClientView } from '../../ui/hooks';
import { type ConsoleRole, forgetKey, loadSession, saveSession, type SessionOf } from './session';
import { SignInForm } from './SignInForm';

export interface SignedIn<R extends ConsoleRole> {
  client: HubClient;
  view: ClientView;
  session: SessionOf<R>;
  onSignOut: () => void;
}

/**
 * Refusals the dictionaries explain, per console: each says what that person can check. A
 * supervisor has no seat, so nothing said to one may mention a seat. Any other reason is shown
 * as the hub gave it.
 */
const REFUSALS: Record<ConsoleRole, Record<string, string>> = {
  operator: { unauthorized: 'refused.unauthorized', invalid: 'refused.invalid', outdated: 'refused.outdated' },
  supervisor: { unauthorized: 'refused.supervisor.unauthorized', invalid: 'refused.supervisor.invalid', outdated: 'refused.outdated' },
};

export function refusalText(t: (k: string, o?: Record<string, unknown>) => string, reason: string | undefined, role: ConsoleRole): string {
  const r = reason ?? 'unauthorized';
  const key = REFUSALS[role][r];
  return key ? t(key) : t('refused.other', { reason: r });
}

export function SessionGate<R extends ConsoleRole>({ role, children }: { role: R; children: (signedIn: SignedIn<R>) => ReactNode }) {
  const [session, setSession] = useState<SessionOf<R> | null>(() => {
    const s = loadSession(role);
    return s?.key ? s : null;
  });
  const [message, setMessage] = useState<string | undefined>();

  if (!session) {
    return (
      <SignInForm
        role={role}
        initial={loadSession(role)}
        message={message}
        onSignIn={(s) => {
          saveSession(role, s);
          setMessage(undefined);
          setSession(s);
        }}
      />
    );
  }
  return (
    <Connected
      key={JSON.stringify(session)}
      role={role}
      session={session}
      onSignOut={(why) => {
        forgetKey(role);
        setMessage(why);
        setSession(null);
      }}
    >
      {children}
    </Connected>
  );
}

function Connected<R extends ConsoleRole>({
  role,
  session,
  onSignOut,
  children,
}: {
  role: R;
  session: SessionOf<R>;
  onSignOut: (why?: string) => void;
  children: (signedIn: SignedIn<R>) => ReactNode;
}) {
  const { t } = useTranslation();
  const client = useMemo<HubClient>(
    () =>
      // An operator's changes wait in the seat's outbox; the supervisor's own changes to tickets go
      // through an outbox like an operator's, kept apart from any seat's.
      'seat' in session
        ? createBrowserClient({ key: session.key, seat: session.seat, name: session.name })
        : createBrowserClient({ key: session.key, name: session.name }, { outboxScope: 'supervisor' }),
    [session],
  );
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  const view = useClientView(client);

  useEffect(() => {
    if (view.connection === 'refused') onSignOut(refusalText(t, view.refusal, role));
  }, [view.connection, view.refusal, onSignOut, t, role]);

  // A key that works but is not the supervisor's (an operator's or the wall's) is sent back too.
  const heardRole = view.hub.you?.role;
  useEffect(() => {
    if (role === 'supervisor' && heardRole && heardRole !== 'supervisor') onSignOut(t('sup.notSupervisorKey'));
  }, [role, heardRole, onSignOut, t]);

  return children({ client, view, session, onSignOut: () => onSignOut() });
}
