import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubClient } from '../hubLink/client';
import { createBrowserClient } from '../hubLink/browser';
import { useClientView } from '../ui/hooks';
import { Console } from './Console';
import { forgetKey, loadSession, type Session, saveSession } from './session';
import { SignIn } from './SignIn';

export function App() {
  const [session, setSession] = useState<Session | null>(() => {
    const s = loadSession();
    return s?.key ? s : null;
  });
  const [message, setMessage] = useState<string | undefined>();

  if (!session) {
    return (
      <SignIn
        initial={loadSession()}
        message={message}
        onSignIn={(s) => {
          saveSession(s);
          setMessage(undefined);
          setSession(s);
        }}
      />
    );
  }
  return (
    <Connected
      key={`${session.seat}:${session.key}:${session.name}`}
      session={session}
      onSignOut={(why) => {
        forgetKey();
        setMessage(why);
        setSession(null);
      }}
    />
  );
}

function Connected({ session, onSignOut }: { session: Session; onSignOut: (why?: string) => void }) {
  const { t } = useTranslation();
  const client = useMemo<HubClient>(() => createBrowserClient({ key: session.key, seat: session.seat, name: session.name }), [session]);
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  const view = useClientView(client);

  // A refused key sends the operator back to the form with the reason, in their language.
  useEffect(() => {
    if (view.connection !== 'refused') return;
    const reason = view.refusal ?? 'unauthorized';
    const known = ['unauthorized', 'invalid', 'outdated'];
    onSignOut(known.includes(reason) ? t(`refused.${reason}`) : t('refused.other', { reason }));
  }, [view.connection, view.refusal, onSignOut, t]);

  return <Console client={client} view={view} session={session} onSignOut={() => onSignOut()} />;
}
