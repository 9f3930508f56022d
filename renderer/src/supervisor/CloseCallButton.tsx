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

export function CloseCallButton({ client, seat, callId }: { client: HubClient; seat: number; callId: string }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // One opId per call: pressing again after a lost answer is the same close, applied once.
  const [opId] = useState(newId);

  const close = async () => {
    setBusy(true);
    setFailure(null);
    const r = await client.closeCall(callId, opId);
    setBusy(false);
    // Ended meanwhile (by the hub, the seat or another supervisor): what was asked is done.
    if (r.ok || r.error.code === 'conflict') return setConfirming(false);
    setFailure(errorText(t, r.error.code));
  };

  if (!confirming) {
    return (
      <button type="button" className="btn btn-danger" aria-label={t('sup.floor.closeCallOf', { seat })} onClick={() => setConfirming(true)}>
        {t('sup.floor.closeCall')}
      </button>
    );
  }
  return (
    <span role="group" aria-label={t('sup.floor.closeCallOf', { seat })}>
      <span>{t('sup.floor.confirmClose', { seat })}</span>{' '}
      <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void close()}>
        {t('sup.floor.confirmYes')}
      </button>{' '}
      <button type="button" className="btn btn-quiet" disabled={busy} onClick={() => setConfirming(false)}>
        {t('sup.floor.confirmNo')}
      </button>
      {failure && (
        <span role="alert" className="field-error">
          {' '}
          {t('sup.floor.closeFailed', { error: failure })}
        </span>
      )}
    </span>
  );
}
