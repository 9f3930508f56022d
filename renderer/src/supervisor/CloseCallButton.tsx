/**
 * Closes one call left open (`call:close`): the hub records it as "Disconnected", ended when its
 * seat went offline. The caller may still be on the line of a seat that is online, so the button
 * asks once more before it closes anything.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubClient } from '../hubLink/client';
import { newId } from '../hubLink/storage';
import { errorText } from '../ui/errorText';
import { ConfirmButton } from './ConfirmButton';

export function CloseCallButton({ client, seat, callId }: { client: HubClient; seat: number; callId: string }) {
  const { t } = useTranslation();
  // One opId per call: pressing again after a lost answer is the same close, applied once.
  const [opId] = useState(newId);
  return (
    <ConfirmButton
      label={t('sup.floor.closeCall')}
      name={t('sup.floor.closeCallOf', { seat })}
      question={t('sup.floor.confirmClose', { seat })}
      yes={t('sup.floor.confirmYes')}
      no={t('sup.floor.confirmNo')}
      run={async () => {
        const r = await client.closeCall(callId, opId);
        // Ended meanwhile (by the hub, the seat or another supervisor): what was asked is done.
        return r.ok || r.error.code === 'conflict' ? null : t('sup.floor.closeFailed', { error: errorText(t, r.error.code) });
      }}
    />
  );
}
