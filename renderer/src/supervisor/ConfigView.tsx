/**
 * The floor's live configuration: categories (labels in both languages, guidance, in use or
 * not), departments, service-level targets, and a message to every seat. Each section saves on
 * its own with `config:update`; every seat gets the new configuration at once.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Broadcast, CategoryConfig, DepartmentConfig, FloorConfig, Requests } from '../../../shared/protocol';
import type { ClientView, HubClient, RequestResult } from '../hubLink/client';
import { newId } from '../hubLink/storage';
import { currentLanguage } from '../i18n';
import type { Announce } from '../ui/announcements';
import { errorText } from '../ui/errorText';
import { TEXT_LIMITS } from '../../../shared/protocol/limits';
import { Field } from '../ui/Field';
import { hubTimeOf, useVocabulary } from '../ui/hooks';
import type { HubTime } from '../ui/hubTime';
import { changedIds, idFromLabel, newCategory, newDepartment, newItemProblem, rebaseList, type SlaForm, slaForm, slaFromForm } from './configEdit';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What a section says after a save that failed or clashed. */
type Message = { kind: 'error' | 'warn'; text: string } | null;

export function ConfigView({ client, view, announce }: { client: HubClient; view: ClientView; announce: Announce }) {
  const { t } = useTranslation();
  const config = view.config;
  if (!config) return <p className="muted sup-wait">{t('sup.config.waiting')}</p>;
  const connected = view.connection === 'connected';
  return (
    <div className="sup-config">
      <BroadcastEditor client={client} broadcast={config.broadcast} time={hubTimeOf(view)} connected={connected} announce={announce} />
      <ItemsEditor kind="categories" client={client} config={config} connected={connected} announce={announce} />
      <ItemsEditor kind="departments" client={client} config={config} connected={connected} announce={announce} />
      <SlaEditor client={client} view={view} config={config} connected={connected} announce={announce} />
    </div>
  );
}

/** Sends `config:update` with the section laid over the hub's latest; one retry if someone saved meanwhile. */
async function saveSection<T extends { id: string }>(
  client: HubClient,
  config: FloorConfig,
  kind: 'categories' | 'departments',
  base: readonly T[],
  draft: readonly T[],
): Promise<{ ok: true; config: FloorConfig } | { ok: false; clashes: string[]; current: FloorConfig } | { ok: false; error: string }> {
  let current = config;
  for (let attempt = 0; attempt < 2; attempt++) {
    const { list, clashes } = rebaseList(base, draft, current[kind] as unknown as T[]);
    if (clashes.length) return { ok: false, clashes, current };
    const r: RequestResult<Requests['config:update'][1]> = await client.request('config:update', { opId: newId(), version: current.version, [kind]: list });
    if (r.ok) return { ok: true, config: r.config };
    const latest = (r as { config?: FloorConfig }).config ?? (r.error as { config?: FloorConfig }).config;
    if (r.error.code !== 'conflict' || !latest) return { ok: false, error: r.error.code };
    current = latest;
  }
  return { ok: false, error: 'conflict' };
}

function ItemsEditor({ kind, client, config, connected, announce }: { kind: 'categories' | 'departments'; client: HubClient; config: FloorConfig; connected: boolean; announce: Announce }) {
  const { t } = useTranslation();
  const current = config[kind] as (CategoryConfig | DepartmentConfig)[];
  const [base, setBase] = useState(current);
  const [draft, setDraft] = useState(current);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [add, setAdd] = useState({ en: '', hi: '', id: '', idTouched: false });
  const [addProblem, setAddProblem] = useState<string | null>(null);
  const edited = !same(base, draft);
  const changed = new Set(changedIds(base, draft));
  const isCategories = kind === 'categories';
  const lang = currentLanguage();
  const savedById = new Map(base.map((x) => [x.id, x]));

  // Untouched, the editor follows the hub: another supervisor's save shows here at once.
  useEffect(() => {
    if (!edited && !same(base, current)) {
      setBase(current);
      setDraft(current);
    }
  }, [current, edited, base]);

  const update = (id: string, fn: (x: CategoryConfig & DepartmentConfig) => CategoryConfig | DepartmentConfig) =>
    setDraft((d) => d.map((x) => (x.id === id ? fn(x as CategoryConfig & DepartmentConfig) : x)));

  function problemOf(): string | null {
    for (const x of draft) {
      if (!x.label.en.trim() || !x.label.hi.trim()) return t('sup.config.needLabels', { id: x.id });
      if (x.label.en.trim().length > 80 || x.label.hi.trim().length > 80) return t('sup.config.labelTooLong', { id: x.id });
    }
    if (isCategories && !draft.some((x) => x.active)) return t('sup.config.oneActive');
    return null;
  }

  async function save() {
    const problem = problemOf();
    if (problem) return setMessage({ kind: 'error', text: problem });
    setBusy(true);
    setMessage(null);
    const trimmed = draft.map((x) => ({ ...x, label: { en: x.label.en.trim(), hi: x.label.hi.trim() } }));
    const r = await saveSection(client, config, kind, base, trimmed);
    setBusy(false);
    if (r.ok) {
      const saved = r.config[kind] as (CategoryConfig | DepartmentConfig)[];
      setBase(saved);
      setDraft(saved);
      announce(t(`sup.config.saved.${kind}`));
    } else if ('clashes' in r) {
      // Someone changed the same items meanwhile: show it. The edit now sits on their version
      // (what they changed elsewhere is kept), and a second save puts these items in place.
      const theirs = r.current[kind] as (CategoryConfig | DepartmentConfig)[];
      setDraft(rebaseList(base, trimmed, theirs).list);
      setBase(theirs);
      const names = r.clashes.map((id) => (r.current[kind] as { id: string; label: { en: string; hi: string } }[]).find((x) => x.id === id)?.label[lang] ?? id).join(', ');
      setMessage({ kind: 'warn', text: t('sup.config.clash', { names }) });
    } else setMessage({ kind: 'error', text: errorText(t, r.error) });
  }

  function addItem() {
    const id = add.idTouched ? add.id : idFromLabel(add.en);
    const problem = newItemProblem(id, add.en, add.hi, draft);
    if (problem) return setAddProblem(t(`sup.config.newProblem.${problem}`));
    setDraft((d) => [...d, isCategories ? newCategory(id, add.en, add.hi) : newDepartment(id, add.en, add.hi)]);
    setAdd({ en: '', hi: '', id: '', idTouched: false });
    setAddProblem(null);
  }

  return (
    <section className="panel cfg-section" aria-labelledby={`cfg-${kind}`}>
      <div className="cfg-head">
        <h2 id={`cfg-${kind}`} className="panel-title">
          {t(`sup.config.${kind}`)}
        </h2>
        <p className="small muted">{t(`sup.config.${kind}Hint`)}</p>
      </div>
      <div className="cfg-items">
        {draft.map((x) => {
          // Named as saved, in the page's language, so the box keeps its name while its labels are
          // edited; the code is shown only for a new entry, whose code is being chosen.
          const saved = savedById.get(x.id);
          const stale = (saved as CategoryConfig | undefined)?.staleGuidance ?? null;
          return (
            <fieldset key={x.id} className={`cfg-item ${changed.has(x.id) ? 'is-changed' : ''} ${x.active ? '' : 'is-retired'}`}>
              <legend>
                {(saved ?? x).label[lang] || x.id}
                {!saved && <small className="cfg-code">{t('sup.config.code', { id: x.id })}</small>}
                {changed.has(x.id) && <span className="badge badge-unsynced">{t('sup.config.unsaved')}</span>}
              </legend>
              <div className="cfg-row">
                <Field label={t('sup.config.labelEn')} limit={TEXT_LIMITS.label}>
                  <input value={x.label.en} onChange={(e) => update(x.id, (c) => ({ ...c, label: { ...c.label, en: e.target.value } }))} />
                </Field>
                <Field label={t('sup.config.labelHi')} limit={TEXT_LIMITS.label}>
                  <input lang="hi" value={x.label.hi} onChange={(e) => update(x.id, (c) => ({ ...c, label: { ...c.label, hi: e.target.value } }))} />
                </Field>
                <label className="check">
                  <input type="checkbox" checked={x.active} onChange={(e) => update(x.id, (c) => ({ ...c, active: e.target.checked }))} />
                  {t('sup.config.active')}
                </label>
              </div>
              {isCategories && 'guidance' in x && (
                <details className="cfg-guidance" open={changed.has(x.id) && !same(x.guidance, (saved as CategoryConfig | undefined)?.guidance) ? true : undefined}>
                  <summary>
                    <span>{t('sup.config.guidance')}</span>
                    {stale && <span className="badge badge-stale">{t('sup.config.staleBadge', { lang: t(`languages.${stale}`) })}</span>}
                  </summary>
                  {(['en', 'hi'] as const).map((g) => (
                    <Field
                      key={g}
                      label={t(g === 'en' ? 'sup.config.guidanceEn' : 'sup.config.guidanceHi')}
                      hint={stale === g ? t('sup.config.staleHint', { lang: t(`languages.${g === 'en' ? 'hi' : 'en'}`) }) : undefined}
                      hintWarn
                      limit={TEXT_LIMITS.guidance}
                    >
                      <textarea lang={g} rows={3} value={x.guidance[g]} onChange={(e) => update(x.id, (c) => ({ ...c, guidance: { ...c.guidance, [g]: e.target.value } }))} />
                    </Field>
                  ))}
                </details>
              )}
            </fieldset>
          );
        })}
      </div>
      <fieldset className="cfg-add">
        <legend>{t(`sup.config.add.${kind}`)}</legend>
        <div className="cfg-row">
          <Field label={t('sup.config.labelEn')} limit={TEXT_LIMITS.label}>
            <input value={add.en} onChange={(e) => setAdd({ ...add, en: e.target.value, id: add.idTouched ? add.id : idFromLabel(e.target.value) })} />
          </Field>
          <Field label={t('sup.config.labelHi')} limit={TEXT_LIMITS.label}>
            <input lang="hi" value={add.hi} onChange={(e) => setAdd({ ...add, hi: e.target.value })} />
          </Field>
          <Field label={t('sup.config.id')} hint={t('sup.config.idHint')}>
            <input value={add.id} maxLength={40} onChange={(e) => setAdd({ ...add, id: e.target.value, idTouched: true })} />
          </Field>
          <button type="button" className="btn" onClick={addItem}>
            {t(`sup.config.addButton.${kind}`)}
          </button>
        </div>
        {addProblem && (
          <p className="field-error" role="alert">
            {addProblem}
          </p>
        )}
      </fieldset>
      <SaveBar
        message={message}
        saveLabel={t(`sup.config.save.${kind}`)}
        canSave={edited && !busy && connected}
        canUndo={edited && !busy}
        connected={connected}
        onSave={() => void save()}
        onUndo={() => {
          setBase(current);
          setDraft(current);
          setMessage(null);
        }}
      />
    </section>
  );
}

/** The foot of a section: what went wrong or clashed, Save and Undo, and why saving waits. */
function SaveBar({
  message,
  saveLabel,
  canSave,
  canUndo,
  connected,
  onSave,
  onUndo,
}: {
  message: Message;
  saveLabel: string;
  canSave: boolean;
  canUndo: boolean;
  connected?: boolean;
  onSave: () => void;
  onUndo: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {message && (
        <p className={`alert ${message.kind === 'error' ? 'alert-error' : 'alert-warn'}`} role="alert">
          {message.text}
        </p>
      )}
      <div className="cfg-actions">
        <button type="button" className="btn btn-primary" onClick={onSave} disabled={!canSave}>
          {saveLabel}
        </button>
        <button type="button" className="btn btn-quiet" disabled={!canUndo} onClick={onUndo}>
          {t('sup.config.undo')}
        </button>
        {connected === false && <span className="hint-warn">{t('sup.config.offline')}</span>}
      </div>
    </>
  );
}

function SlaEditor({ client, view, config, connected, announce }: { client: HubClient; view: ClientView; config: FloorConfig; connected: boolean; announce: Announce }) {
  const { t } = useTranslation();
  const vocab = useVocabulary(view);
  const [base, setBase] = useState(config.sla);
  const [form, setForm] = useState<SlaForm>(() => slaForm(config.sla, config.categories));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const parsed = slaFromForm(form);
  const edited = !parsed.ok || !same(parsed.sla, base);

  useEffect(() => {
    if (!edited && (!same(base, config.sla) || Object.keys(form.perCategory).length !== config.categories.length)) {
      setBase(config.sla);
      setForm(slaForm(config.sla, config.categories));
    }
  }, [config.sla, config.categories, edited, base, form.perCategory]);

  async function save() {
    if (!parsed.ok) return setMessage({ kind: 'error', text: t('sup.config.badHours') });
    if (!same(config.sla, base)) {
      // Someone else set the service levels meanwhile: show theirs; a second save puts these in place.
      setBase(config.sla);
      return setMessage({ kind: 'warn', text: t('sup.config.slaClash') });
    }
    setBusy(true);
    setMessage(null);
    const r = await client.request('config:update', { opId: newId(), version: config.version, sla: parsed.sla });
    setBusy(false);
    if (r.ok) {
      setBase(r.config.sla);
      setForm(slaForm(r.config.sla, r.config.categories));
      announce(t('sup.config.saved.sla'));
    } else if (r.error.code === 'conflict') {
      setMessage({ kind: 'warn', text: t('sup.config.tryAgain') });
    } else setMessage({ kind: 'error', text: errorText(t, r.error.code) });
  }

  const setCat = (id: string, which: 'normal' | 'urgent', v: string) =>
    setForm((f) => ({ ...f, perCategory: { ...f.perCategory, [id]: { ...(f.perCategory[id] ?? { normal: '', urgent: '' }), [which]: v } } }));

  return (
    <section className="panel cfg-section" aria-labelledby="cfg-sla">
      <div className="cfg-head">
        <h2 id="cfg-sla" className="panel-title">
          {t('sup.config.sla')}
        </h2>
        <p className="small muted">{t('sup.config.slaHint')}</p>
      </div>
      <div className="cfg-row">
        <Field label={t('sup.config.normalHours')}>
          <input type="number" min="0" step="any" inputMode="decimal" value={form.normalHours} onChange={(e) => setForm({ ...form, normalHours: e.target.value })} />
        </Field>
        <Field label={t('sup.config.urgentHours')}>
          <input type="number" min="0" step="any" inputMode="decimal" value={form.urgentHours} onChange={(e) => setForm({ ...form, urgentHours: e.target.value })} />
        </Field>
      </div>
      <table className="cfg-sla-table">
        <thead>
          <tr>
            <th scope="col">{t('field.category')}</th>
            <th scope="col">{t('priority.normal')}</th>
            <th scope="col">{t('priority.urgent')}</th>
          </tr>
        </thead>
        <tbody>
          {config.categories.map((c) => (
            <tr key={c.id}>
              <th scope="row">{vocab.category(c.id)}</th>
              {(['normal', 'urgent'] as const).map((p) => (
                <td key={p}>
                  <input
                    type="number"
                    min="0"
                    step="any"
                    inputMode="decimal"
                    aria-label={t('sup.config.hoursFor', { category: vocab.category(c.id), priority: t(`priority.${p}`) })}
                    placeholder={p === 'normal' ? form.normalHours : form.urgentHours}
                    value={form.perCategory[c.id]?.[p] ?? ''}
                    onChange={(e) => setCat(c.id, p, e.target.value)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <SaveBar
        message={message}
        saveLabel={t('sup.config.save.sla')}
        canSave={edited && !busy && connected}
        canUndo={edited && !busy}
        onSave={() => void save()}
        onUndo={() => {
          setBase(config.sla);
          setForm(slaForm(config.sla, config.categories));
          setMessage(null);
        }}
      />
    </section>
  );
}

function BroadcastEditor({ client, broadcast, time, connected, announce }: { client: HubClient; broadcast: Broadcast | undefined; time: HubTime; connected: boolean; announce: Announce }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function send() {
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    const r = await client.request('broadcast:send', { opId: newId(), text: text.trim() });
    setBusy(false);
    if (r.ok) {
      setText('');
      announce(t('sup.broadcast.sent'));
    } else setError(errorText(t, r.error.code));
  }
  return (
    <section className="panel cfg-section cfg-broadcast" aria-labelledby="cfg-broadcast">
      <h2 id="cfg-broadcast" className="panel-title">
        {t('sup.broadcast.heading')}
      </h2>
      {broadcast ? (
        <p className="cfg-current">
          <strong>{t('sup.broadcast.current')}</strong> “{broadcast.text}” — {broadcast.by}, {time.when(broadcast.at)}
        </p>
      ) : (
        <p className="muted small">{t('sup.broadcast.none')}</p>
      )}
      <Field label={t('sup.broadcast.field')} hint={t('sup.broadcast.hint')} limit={TEXT_LIMITS.broadcast}>
        <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <div className="cfg-actions">
        <button type="button" className="btn btn-primary" onClick={() => void send()} disabled={!text.trim() || busy || !connected}>
          {t('sup.broadcast.send')}
        </button>
      </div>
    </section>
  );
}
