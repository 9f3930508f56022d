/**
 * Every account: who it is, its role, where and since when it is signed in, whether it is
 * locked, disabled or still to choose a PIN, and what a supervisor can do to it: reset the PIN,
 * disable or re-enable it, free a seat it holds. Each action asks once more first.
 */
import { useTranslation } from 'react-i18next';
import type { Account, UserResetPinResult } from '../../../../shared/protocol';
import type { HubClient } from '../../hubLink/client';
import { newId } from '../../hubLink/storage';
import { errorText } from '../../ui/errorText';
import type { HubTime } from '../../ui/hubTime';
import { ConfirmButton } from '../ConfirmButton';
import { FreeSeatButton } from '../FreeSeatButton';
import { sessionsInOrder, sortAccounts } from './people';
import { PeopleTable } from './PeopleTable';

type Props = {
  client: HubClient;
  accounts: readonly Account[];
  /** The supervisor at this console, who may not disable themselves. */
  me: string;
  time: HubTime;
  now: Date;
  labelledBy: string;
  onChanged: () => void;
  onPin: (r: UserResetPinResult) => void;
};

export function AccountsTable({ client, accounts, me, time, now, labelledBy, onChanged, onPin }: Props) {
  const { t } = useTranslation();
  const failed = (code: string) => t('sup.people.failed', { error: errorText(t, code) });

  const setDisabled = async (a: Account, disabled: boolean) => {
    const r = await client.request('user:update', { opId: newId(), username: a.username, disabled });
    if (!r.ok) return failed(r.error.code);
    onChanged();
    return null;
  };
  const resetPin = async (a: Account) => {
    const r = await client.request('user:resetPin', { opId: newId(), username: a.username });
    if (!r.ok) return failed(r.error.code);
    onPin(r);
    onChanged();
    return null;
  };

  return (
    <PeopleTable
      labelledBy={labelledBy}
      columns={[
        { title: t('sup.people.name') },
        { title: t('sup.people.username') },
        { title: t('sup.people.role') },
        { title: t('sup.people.signedIn') },
        { title: t('sup.people.status') },
        { title: t('sup.people.actions') },
      ]}
    >
      {sortAccounts(accounts).map((a) => (
        <tr key={a.username} className={a.disabled ? 'is-disabled' : undefined}>
          <th scope="row">{a.name}</th>
          <td>{a.username}</td>
          <td>{t(`sup.people.roles.${a.role}`)}</td>
          <td>
            {a.sessions.length === 0 && <span className="muted">{t('sup.people.notSignedIn')}</span>}
            {sessionsInOrder(a.sessions).map((s, i) => (
              // A session whose window closed without signing out stays open until it ends: said, and greyed.
              <div key={`${s.clientId ?? i} ${s.since}`} className={s.connected === false ? 'people-session muted' : 'people-session'}>
                {s.seat !== undefined
                  ? t('sup.people.atSeat', { seat: s.seat, address: s.address, time: time.when(s.since, now) })
                  : t('sup.people.atAddress', { address: s.address, time: time.when(s.since, now) })}
                {s.connected === false && ` · ${t('sup.people.notConnected')}`}{' '}
                {/* Only a connected holder keeps others from a seat (seat_taken): that is what freeing is for. */}
                {s.seat !== undefined && s.connected !== false && <FreeSeatButton client={client} seat={s.seat} name={a.name} onFreed={onChanged} />}
              </div>
            ))}
          </td>
          <td>
            <span className={a.disabled ? 'badge badge-overdue' : 'badge'}>{t(a.disabled ? 'sup.people.disabled' : 'sup.people.active')}</span>
            {a.lockedUntil && Date.parse(a.lockedUntil) > now.getTime() && <div className="fact-late">{t('sup.people.lockedUntil', { time: time.when(a.lockedUntil, now) })}</div>}
            {a.mustChangePin && !a.disabled && <div className="small muted">{t('sup.people.mustChange')}</div>}
          </td>
          <td>
            <div className="people-actions">
              <ConfirmButton
                label={t('sup.people.resetPin')}
                name={t('sup.people.resetPinOf', { name: a.name })}
                question={t('sup.people.confirmReset', { name: a.name })}
                yes={t('sup.people.yes')}
                no={t('sup.people.no')}
                className="btn btn-small"
                run={() => resetPin(a)}
              />
              {a.username !== me && (
                <ConfirmButton
                  label={t(a.disabled ? 'sup.people.enable' : 'sup.people.disable')}
                  name={t(a.disabled ? 'sup.people.enableOf' : 'sup.people.disableOf', { name: a.name })}
                  question={t(a.disabled ? 'sup.people.confirmEnable' : 'sup.people.confirmDisable', { name: a.name })}
                  yes={t('sup.people.yes')}
                  no={t('sup.people.no')}
                  className={a.disabled ? 'btn btn-small' : 'btn btn-danger btn-small'}
                  run={() => setDisabled(a, !a.disabled)}
                />
              )}
            </div>
          </td>
        </tr>
      ))}
    </PeopleTable>
  );
}
