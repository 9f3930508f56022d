import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizePhone } from '../../../shared/protocol/phone';
import { formatPhone } from '../../../shared/domain/phone';
import { DISPOSITIONS, type Disposition, PRIORITIES } from '../../../shared/protocol/vocabulary';
import { TEXT_LIMITS } from '../../../shared/protocol/limits';
import type { ClientView } from '../hubLink/client';
import { Field } from '../ui/Field';
import { duration } from '../ui/format';
import { useVocabulary } from '../ui/hooks';
import { choicesOf, Options } from '../ui/Options';
import { CALL_LANGUAGES, type Draft } from './draft';

export interface CallPanelProps {
  view: ClientView;
  hubNow: Date;
  draft: Draft;
  onDraft: (d: Draft) => void;
  disposition: Disposition | '';
  onDisposition: (d: Disposition | '') => void;
  fieldError: { field: string; message: string } | null;
  formRef: RefObject<HTMLFormElement | null>;
  phoneRef: RefObject<HTMLInputElement | null>;
  categoryRef: RefObject<HTMLSelectElement | null>;
  descriptionRef: RefObject<HTMLTextAreaElement | null>;
  dispositionRef: RefObject<HTMLSelectElement | null>;
  onStart: () => void;
  onEnd: () => void;
  onCreate: () => void;
  onSeat: (s: 'ready' | 'break') => void;
  onClear: () => void;
  callTicketLabel: string | null;
}

/** The seat states an operator sets between calls, with their keys (keys.ts). */
const SEAT_KEYS = [
  ['ready', 'F6'],
  ['break', 'F7'],
] as const;

export function CallPanel(p: CallPanelProps) {
  const { t } = useTranslation();
  const { view, draft } = p;
  const vocab = useVocabulary(view);
  const call = view.call;
  const state = view.seatState.state;
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => p.onDraft({ ...draft, [k]: v });
  const phone = normalizePhone(draft.phone);
  const err = (f: string) => (p.fieldError?.field === f ? p.fieldError.message : null);
  // A call started offline is timed from this screen's clock, a synced one from the hub's.
  const elapsed = call ? p.hubNow.getTime() - Date.parse(call.startedAt) - (call.synced ? 0 : view.hub.clockOffsetMs) : 0;

  return (
    <section tabIndex={-1} className="panel call-panel" aria-label={t('call.region')} data-call-area="true">
      <div className="call-head">
        {call ? (
          <div className="call-live">
            <span className="call-live-label">{t('call.onCall')}</span>
            <span className="call-timer" role="timer" aria-label={t('call.duration')}>
              {duration(elapsed)}
            </span>
            {!call.synced && <span className="badge badge-unsynced">{t('call.notSynced')}</span>}
          </div>
        ) : (
          <p className="call-idle">{view.closedCall ? t('call.closedByHub') : state === 'wrap_up' ? t('call.wrapUpHint') : t('call.noCall')}</p>
        )}
        {/* The buttons are named by their words alone (the names of the contract); the key hint
            beside each is hidden from the name and given as aria-keyshortcuts instead, so what a
            person sees and what a screen reader says still match. */}
        <div className="call-buttons">
          <button type="button" className="btn btn-primary btn-big" onClick={p.onStart} disabled={!!call} aria-keyshortcuts="F2">
            {t('call.start')} <kbd aria-hidden="true">F2</kbd>
          </button>
          {SEAT_KEYS.map(([seatState, key]) => (
            <button key={seatState} type="button" className="btn" onClick={() => p.onSeat(seatState)} disabled={!!call || state === seatState} aria-keyshortcuts={key}>
              {t(`call.${seatState}`)} <kbd aria-hidden="true">{key}</kbd>
            </button>
          ))}
        </div>
      </div>

      <form
        ref={p.formRef}
        className="caller-form"
        aria-label={t('form.region')}
        onSubmit={(e) => {
          e.preventDefault();
          p.onCreate();
        }}
        noValidate
      >
        {/* The fields scroll among themselves when a short screen must; Create ticket stays below them, in view. */}
        <div className="caller-fields">
          <div className="row-2 call-who">
            <Field
              label={t('form.phone')}
              keys="F3"
              shortcuts="F3"
              hint={!draft.phone ? t('form.phoneHint') : phone.ok ? t('form.phoneOk', { phone: formatPhone(phone.phone) }) : t('form.phoneBad')}
              hintWarn={!!draft.phone && !phone.ok}
              error={err('phone')}
              limit={TEXT_LIMITS.phone}
            >
              <input ref={p.phoneRef} name="phone" type="tel" inputMode="tel" autoComplete="off" value={draft.phone} onChange={(e) => set('phone', e.target.value)} />
            </Field>
            <Field label={t('form.name')} error={err('callerName')} limit={TEXT_LIMITS.callerName}>
              <input name="callerName" autoComplete="off" value={draft.callerName} onChange={(e) => set('callerName', e.target.value)} />
            </Field>
          </div>
          {/* A row of its own, so the longest category reads whole ("Migrant worker registration / travel"). */}
          <Field label={t('form.category')} error={err('category')}>
            <select ref={p.categoryRef} name="category" value={draft.category} onChange={(e) => set('category', e.target.value)}>
              <Options none={t('form.chooseCategory')} choices={vocab.categories(draft.category)} />
            </select>
          </Field>
          <div className="row-3 call-details">
            <Field label={t('form.locality')} error={err('locality')} limit={TEXT_LIMITS.locality}>
              <input name="locality" autoComplete="off" value={draft.locality} onChange={(e) => set('locality', e.target.value)} placeholder={t('form.localityHint')} />
            </Field>
            <Field label={t('form.language')} error={err('language')}>
              <select name="language" value={draft.language} onChange={(e) => set('language', e.target.value)}>
                <Options none="—" choices={choicesOf(CALL_LANGUAGES, (l) => t(`languages.${l}`))} />
              </select>
            </Field>
            <Field label={t('form.priority')}>
              <select name="priority" value={draft.priority} onChange={(e) => set('priority', e.target.value as Draft['priority'])}>
                <Options choices={choicesOf(PRIORITIES, (x) => t(`priority.${x}`))} />
              </select>
            </Field>
          </div>
          <Field label={t('form.description')} className="call-description" error={err('description')} limit={TEXT_LIMITS.description}>
            <textarea ref={p.descriptionRef} name="description" rows={3} value={draft.description} onChange={(e) => set('description', e.target.value)} placeholder={t('form.descriptionHint')} />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" aria-keyshortcuts="Control+Enter">
            {t('form.create')} <kbd aria-hidden="true">Ctrl+Enter</kbd>
          </button>
          <button type="button" className="btn btn-quiet" onClick={p.onClear}>
            {t('form.clear')}
          </button>
          {p.callTicketLabel && <span className="call-ticket">{t('call.ticketRaised', { ticket: p.callTicketLabel })}</span>}
        </div>
      </form>

      {/* The end of the call stays in view whatever the form above holds: the form gives way first. */}
      <div className="call-end">
        <div className="end-row">
          <Field label={t('call.disposition')} className="field-grow" error={err('disposition')} keys="1–6" shortcuts="1 2 3 4 5 6 Alt+1 Alt+2 Alt+3 Alt+4 Alt+5 Alt+6">
            <select ref={p.dispositionRef} value={p.disposition} onChange={(e) => p.onDisposition(e.target.value as Disposition | '')}>
              <Options none={t('call.chooseDisposition')} choices={choicesOf(DISPOSITIONS, (d) => t(`disposition.${d}`))} />
            </select>
          </Field>
          <button type="button" className="btn btn-danger btn-big" onClick={p.onEnd} disabled={!call} aria-keyshortcuts="F9">
            {t('call.end')} <kbd aria-hidden="true">F9</kbd>
          </button>
        </div>
        {/* The keys 1–6 spelled out, and a click away for the mouse; out of the tab order, since
            the keyboard has the digits and the select. */}
        <div className="disposition-keys" role="group" aria-label={t('call.chooseDisposition')}>
          {DISPOSITIONS.map((d, i) => (
            <button key={d} type="button" tabIndex={-1} className="disposition-key" aria-pressed={p.disposition === d} onClick={() => p.onDisposition(d)}>
              <kbd aria-hidden="true">{i + 1}</kbd> {t(`disposition.${d}`)}
            </button>
          ))}
        </div>
      </div>
    </section>
  );
}
