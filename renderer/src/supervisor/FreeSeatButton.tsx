/**
 * Frees a seat (`seat:free`): the session holding it ends, so that someone else can sign in
 * there (a person who left without signing out, a PC that was switched off). On the floor beside
 * each held seat, and in the People tab beside each session at a seat.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubClient } from '../hubLink/client';
import { newId } from '../hubLink/storage';
import { errorText } from '../ui/errorText';
import { ConfirmButton } from './ConfirmButton';

export function FreeSeatButton({ client, seat, name, onFreed }: { client: HubClient; seat: number; name: string; onFreed?: () => void }) {
  const { t } = useTranslation();
  // One opId per freeing: pressing again after a lost answer frees it once; a later freeing of
  // the same seat (someone else sat down meanwhile) is a new one.
  const [opId, setOpId] = useState(newId);
  return (
    <ConfirmButton
      label={t('sup.people.freeSeat')}
      name={t('sup.people.freeSeatOf', { seat })}
      question={t('sup.people.confirmFree', { seat, name })}
      yes={t('sup.people.yes')}
      no={t('sup.people.no')}
      className="btn btn-quiet btn-small"
      run={async () => {
        const r = await client.request('seat:free', { opId, seat });
        if (!r.ok) return t('sup.people.failed', { error: errorText(t, r.error.code) });
        setOpId(newId());
        onFreed?.();
        return null;
      }}
    />
  );
}
