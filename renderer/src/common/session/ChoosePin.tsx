/**
 * A person sets their own PIN (`pin:change`): before anything else when the hub says they must
 * (a one-time PIN from a supervisor, or the first supervisor's from the hub's first start), and
 * whenever they like from the console's top bar. The rule is checked here first, in the
 * person's language; the hub applies the same one.
 */
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubClient } from '../../hubLink/client';
import { Dialog } from '../../ui/Dialog';
import { errorText } from '../../ui/errorText';
import { Field } from '../../ui/Field';
import { PIN_RULE, type PinChoice, pinChangeRefusal, pinChoiceProblem, type PinWords } from './pinRule';
import { SignInPage } from './SignInPage';

type Problem = ({ field: keyof PinChoice } & PinWords) | { field: null; text: string };

/** The three fields and the button; `oneTime`: the current PIN is the one-time PIN just used to sign in. */
function PinChangeFields({ client, oneTime, onChanged }: { client: HubClient; oneTime: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<PinChoice>({ current: '', next: '', again: '' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof PinChoice) => (value: string) => setChoice((c) => ({ ...c, [field]: value }));
  // The field at fault takes the focus, so the person types the correction straight away.
  const fields = { current: useRef<HTMLInputElement>(null), next: useRef<HTMLInputElement>(null), again: useRef<HTMLInputElement>(null) };
  const fault = (p: Problem) => {
    setProblem(p);
    if (p.field) fields[p.field].current?.focus();
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const own = pinChoiceProblem(choice);
    if (own) return fault(own);
    setBusy(true);
    setProblem(null);
    const r = await client.changePin(choice.current, choice.next);
    setBusy(false);
    // The PINs leave this component's memory whatever the answer: a retry types them again.
    setChoice({ current: '', next: '', again: '' });
    if (r.ok) return onChanged();
    const refusal = pinChangeRefusal(r.error as { code: string; field?: string });
    fault(refusal.field === null ? { field: null, text: errorText(t, refusal.code) } : refusal);
  }

  const errorOf = (field: keyof PinChoice) => (problem && problem.field === field ? t(problem.key, problem.values) : null);
  const input = (field: keyof PinChoice, autoComplete: string, autoFocus = false) => (
    <input ref={fields[field]} type="password" inputMode="numeric" autoComplete={autoComplete} value={choice[field]} onChange={(e) => set(field)(e.target.value)} autoFocus={autoFocus} />
  );
  return (
    <form className="pin-form" onSubmit={(e) => void submit(e)} noValidate>
      <Field label={t('pin.current')} hint={oneTime ? t('pin.currentOneTime') : undefined} error={errorOf('current')}>
        {input('current', 'current-password', true)}
      </Field>
      <Field label={t('pin.next')} hint={t(PIN_RULE.key, PIN_RULE.values)} error={errorOf('next')}>
        {input('next', 'new-password')}
      </Field>
      <Field label={t('pin.again')} error={errorOf('again')}>
        {input('again', 'new-password')}
      </Field>
      {problem?.field === null && (
        <p className="field-error" role="alert">
          {problem.text}
        </p>
      )}
      <button type="submit" className="btn btn-primary btn-big" disabled={busy}>
        {busy ? t('pin.saving') : t('pin.submit')}
      </button>
    </form>
  );
}

/** The whole screen while the person must choose a PIN: nothing else of the console shows until they have. */
export function ChoosePinScreen({ client, onSignOut }: { client: HubClient; onSignOut: () => void }) {
  const { t } = useTranslation();
  return (
    <SignInPage>
      <div className="signin-card">
        <p className="signin-app">{t('app.title')}</p>
        <h1>{t('pin.heading')}</h1>
        <p className="muted">{t('pin.intro')}</p>
        {/* Nothing to do on success: the hub's answer clears `mustChangePin`, and the console shows. */}
        <PinChangeFields client={client} oneTime onChanged={() => undefined} />
        <p className="small">
          <button type="button" className="link-button" onClick={onSignOut}>
            {t('top.signOut')}
          </button>
        </p>
      </div>
    </SignInPage>
  );
}

/** "Change PIN" in a console's top bar, and its window. */
export function ChangePinButton({ client }: { client: HubClient }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const close = () => {
    setOpen(false);
    setSaved(false);
  };
  return (
    <>
      <button type="button" className="btn btn-quiet" onClick={() => setOpen(true)}>
        {t('pin.change')}
      </button>
      {open && (
        <Dialog label={t('pin.changeHeading')} onClose={close} className="pin-dialog">
          <div className="dialog-head">
            <h2>{t('pin.changeHeading')}</h2>
            <button type="button" className="btn btn-quiet" onClick={close}>
              {t('pin.close')}
            </button>
          </div>
          {saved ? (
            <p className="alert alert-ok" role="status">
              {t('pin.saved')}
            </p>
          ) : (
            <PinChangeFields client={client} oneTime={false} onChanged={() => setSaved(true)} />
          )}
        </Dialog>
      )}
    </>
  );
}
