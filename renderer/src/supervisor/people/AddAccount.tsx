/**
 * Adds an account (`user:create`): user name, name and role; the hub answers with a one-time
 * PIN, which the form hands up to be shown once. What the hub would refuse is said first, by
 * the field it is about.
 */
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_ROLES, type AccountRole, USERNAME_PATTERN, type UserCreateResult } from '../../../../shared/protocol/accounts';
import type { HubClient } from '../../hubLink/client';
import { newId } from '../../hubLink/storage';
import { errorText } from '../../ui/errorText';
import { Field } from '../../ui/Field';

/** The longest name the hub takes (`PersonName`). */
const NAME_MAX = 60;

type Problem = { field: 'username' | 'name' | null; text: string };

/** What the form would send, or the first field to put right (a dictionary key). */
export function newAccountProblem(username: string, name: string): { field: 'username' | 'name'; key: string } | null {
  const u = username.trim().toLowerCase();
  if (!u) return { field: 'username', key: 'sup.people.needUsername' };
  if (!USERNAME_PATTERN.test(u)) return { field: 'username', key: 'sup.people.badUsername' };
  if (!name.trim()) return { field: 'name', key: 'sup.people.needName' };
  return null;
}

export function AddAccount({ client, connected, onCreated }: { client: HubClient; connected: boolean; onCreated: (r: UserCreateResult) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<AccountRole>('operator');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  // One opId per account: pressing again after a lost answer creates it once.
  const [opId, setOpId] = useState(newId);
  // The field at fault takes the focus, so the person types the correction straight away.
  const fields = { username: useRef<HTMLInputElement>(null), name: useRef<HTMLInputElement>(null) };
  const fault = (p: Problem) => {
    setProblem(p);
    if (p.field) fields[p.field].current?.focus();
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const own = newAccountProblem(username, name);
    if (own) return fault({ field: own.field, text: t(own.key) });
    setBusy(true);
    setProblem(null);
    const r = await client.request('user:create', { opId, username: username.trim().toLowerCase(), name: name.trim(), role });
    setBusy(false);
    if (!r.ok) {
      const field = (r.error as { field?: string }).field;
      if (r.error.code === 'conflict') return fault({ field: 'username', text: t('sup.people.taken') });
      if (r.error.code === 'invalid' && (field === 'username' || field === 'name')) return fault({ field, text: t(field === 'username' ? 'sup.people.badUsername' : 'sup.people.needName') });
      return fault({ field: null, text: errorText(t, r.error.code) });
    }
    setUsername('');
    setName('');
    setOpId(newId());
    onCreated(r);
  }

  const errorOf = (field: 'username' | 'name') => (problem?.field === field ? problem.text : null);
  return (
    <form className="cfg-row people-add" onSubmit={(e) => void submit(e)} noValidate>
      <Field label={t('sup.people.username')} error={errorOf('username')}>
        <input ref={fields.username} autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={32} value={username} onChange={(e) => setUsername(e.target.value)} />
      </Field>
      <Field label={t('sup.people.name')} error={errorOf('name')} limit={NAME_MAX}>
        <input ref={fields.name} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={t('sup.people.role')}>
        <select value={role} onChange={(e) => setRole(e.target.value as AccountRole)}>
          {ACCOUNT_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`sup.people.roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="btn btn-primary" disabled={!connected || busy}>
        {t('sup.people.addButton')}
      </button>
      {problem?.field === null && (
        <p className="field-error" role="alert">
          {problem.text}
        </p>
      )}
    </form>
  );
}
