import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../shared/domain/defaultConfig';
import { idFromLabel, newItemProblem, rebaseList, slaForm, slaFromForm } from './configEdit';

const base = DEFAULT_CONFIG.departments;
const renamed = (id: string, en: string) => base.map((d) => (d.id === id ? { ...d, label: { ...d.label, en } } : d));

describe('editing the configuration while others edit it', () => {
  it('lays the supervisor’s changes over what the hub has now, keeping the others’', () => {
    const mine = renamed('police', 'Police (Gurugram)');
    const theirs = renamed('labour', 'Labour department');
    const { list, clashes } = rebaseList(base, mine, theirs);
    expect(clashes).toEqual([]);
    expect(list.find((d) => d.id === 'police')!.label.en).toBe('Police (Gurugram)');
    expect(list.find((d) => d.id === 'labour')!.label.en).toBe('Labour department');
  });

  it('calls it a clash when both changed the same item differently, and adds new items last', () => {
    const mine = [...renamed('police', 'Police (Gurugram)'), { id: 'ngo', label: { en: 'NGO desk', hi: 'एनजीओ डेस्क' }, active: true }];
    const theirs = renamed('police', 'Gurugram Police');
    const r = rebaseList(base, mine, theirs);
    expect(r.clashes).toEqual(['police']);
    expect(r.list.map((d) => d.id).at(-1)).toBe('ngo');
    // The same change on both sides is no clash.
    expect(rebaseList(base, theirs, theirs).clashes).toEqual([]);
  });
});

describe('new categories and departments', () => {
  it('makes an id from the English label and says what is missing', () => {
    expect(idFromLabel('Biomedical waste (home isolation)')).toBe('biomedical_waste_home_isolation');
    expect(idFromLabel('2nd wave help')).toBe('nd_wave_help');
    expect(newItemProblem('biomedical_waste', 'Biomedical waste', '', base)).toBe('labelHi');
    expect(newItemProblem('police', 'Police', 'पुलिस', base)).toBe('taken');
    expect(newItemProblem('', 'मदद', 'मदद', base)).toBe('id');
    expect(newItemProblem('ngo', 'NGO', 'एनजीओ', base)).toBeNull();
  });
});

describe('service levels as typed', () => {
  it('keeps blanks as "the default" and refuses what is not a number of hours', () => {
    const form = slaForm(DEFAULT_CONFIG.sla, DEFAULT_CONFIG.categories);
    expect(form.perCategory.medical).toEqual({ normal: '4', urgent: '1' });
    expect(form.perCategory.other).toEqual({ normal: '', urgent: '' });
    expect(slaFromForm(form)).toEqual({ ok: true, sla: DEFAULT_CONFIG.sla });
    const changed = { ...form, perCategory: { ...form.perCategory, grievance: { normal: '0,5', urgent: '' } } };
    const r = slaFromForm(changed);
    expect(r.ok && r.sla.perCategory.grievance).toEqual({ normalHours: 0.5 });
    expect(slaFromForm({ ...form, urgentHours: '0' })).toEqual({ ok: false, field: 'urgentHours' });
    expect(slaFromForm({ ...form, perCategory: { ...form.perCategory, other: { normal: 'soon', urgent: '' } } })).toEqual({ ok: false, field: 'other.normal' });
  });
});
