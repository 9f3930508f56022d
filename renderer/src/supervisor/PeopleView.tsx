/**
 * People: each operator's figures today (live), the accounts (who is signed in where and since
 * when, locked, disabled; add one, reset a PIN, disable or re-enable, free a seat) and the
 * sign-in log. The accounts are read again every few seconds while the tab is open, and at once
 * after each change made here.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/protocol';
import { errorText } from '../ui/errorText';
import { hubTimeOf } from '../ui/hooks';
import { AccountsTable } from './people/AccountsTable';
import { AddAccount } from './people/AddAccount';
import { OneTimePin } from './people/OneTimePin';
import { OperatorFigures } from './people/OperatorFigures';
import { SignInLog } from './people/SignInLog';
import { Section } from './Section';
import type { TabProps } from './tabProps';

const ACCOUNTS_REFRESH_MS = 5_000;

type ShownPin = { username: string; name: string; pin: string };

export function PeopleView({ client, view, now, me }: Pick<TabProps, 'client' | 'view' | 'now'> & { me: string }) {
  const { t } = useTranslation();
  const time = hubTimeOf(view);
  const connected = view.connection === 'connected';
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [pin, setPin] = useState<ShownPin | null>(null);
  const again = useCallback(() => setRefresh((n) => n + 1), []);

  useEffect(() => {
    if (!connected) return;
    let live = true;
    void client.request('users:list', {}).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(errorText(t, r.error.code));
      setError(null);
      setAccounts(r.users);
    });
    const id = setTimeout(again, ACCOUNTS_REFRESH_MS);
    return () => {
      live = false;
      clearTimeout(id);
    };
  }, [client, connected, refresh, again, t]);

  const show = (r: { user: Account; pin: string }) => setPin({ username: r.user.username, name: r.user.name, pin: r.pin });
  const people = view.stats ? (view.stats.people ?? []) : undefined;

  return (
    <div className="sup-reports sup-people">
      <Section id="people-figures" title={t('sup.people.figures')} hint={t('sup.people.figuresHint')}>
        <OperatorFigures people={people} labelledBy="people-figures" />
      </Section>

      <Section id="people-accounts" title={t('sup.people.accounts')} hint={t('sup.people.accountsHint')}>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {accounts ? (
          <AccountsTable client={client} accounts={accounts} me={me} time={time} now={now} labelledBy="people-accounts" onChanged={again} onPin={show} />
        ) : (
          !error && <p className="muted">{t('sup.people.loading')}</p>
        )}
        <h3 id="people-add" className="sub-title">
          {t('sup.people.add')}
        </h3>
        <p className="small muted">{t('sup.people.addHint')}</p>
        <AddAccount
          client={client}
          connected={connected}
          onCreated={(r) => {
            show(r);
            again();
          }}
        />
      </Section>

      <Section id="people-log" title={t('sup.people.log')} hint={t('sup.people.logHint')}>
        <SignInLog client={client} connected={connected} refresh={refresh} time={time} now={now} labelledBy="people-log" />
      </Section>

      {pin && <OneTimePin username={pin.username} name={pin.name} pin={pin.pin} onClose={() => setPin(null)} />}
    </div>
  );
}
