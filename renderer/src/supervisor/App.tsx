import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserClient } from '../hubLink/browser';
import type { HubClient } from '../hubLink/client';
import { useClientView } from '../ui/hooks';
import { SupervisorConsole } from './Console';
import { forgetSupervisorKey, loadSupervisorSession, saveSupervisorSession, type SupervisorSession } from './session';
import { SupervisorSignIn } from './SignIn';

export function SupervisorApp() {
  const [session, setSession] = useState<SupervisorSession | null>(() => {
    const s = loadSupervisorSession();
    return s?.key ? s : null;
  });
  const [message, setMessage] = useState<string | undefined>();
  if (!session) {
    return (
      <SupervisorSignIn
        initial={loadSupervisorSession()}
        message={message}
        onSignIn={(s) => {
          saveSupervisorSession(s);
          setMessage(undefined);
          setSession(s);
        }}
      />
    );
  }
  return (
    <Connected
      key={`${session.key}:${session.name}`}
      session={session}
      onSignOut={(why) => {
        forgetSupervisorKey();
        setMessage(why);
        setSession(null);
      }}
    />
  );
}

function Connected({ session, onSignOut }: { session: SupervisorSession; onSignOut: (why?: string) => void }) {
  const { t } = useTranslation();
  // The supervisor's own changes to tickets go through an outbox like an operator's, kept apart from any seat's.
  const client = useMemo<HubClient>(() => createBrowserClient({ key: session.key, name: session.name }, { outboxScope: 'supervisor' }), [session]);
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  const view = useClientView(client);

  useEffect(() => {
    if (view.connection !== 'refused') return;
    const reason = view.refusal ?? 'unauthorized';
    onSignOut(['unauthorized', 'invalid', 'outdated'].includes(reason) ? t(`refused.${reason}`) : t('refused.other', { reason }));
  }, [view.connection, view.refusal, onSignOut, t]);

  // A key that works but is not the supervisor's (an operator's or the wall's) is sent back too.
  useEffect(() => {
    const role = view.hub.you?.role;
    if (role && role !== 'supervisor') onSignOut(t('sup.notSupervisorKey'));
  }, [view.hub.you?.role, onSignOut, t]);

  return <SupervisorConsole client={client} view={view} session={session} onSignOut={() => onSignOut()} />;
}
