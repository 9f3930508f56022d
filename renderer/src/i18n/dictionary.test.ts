import { describe, expect, it } from 'vitest';
import { CALL_DISPOSITIONS, DEFAULT_CATEGORIES, DEFAULT_DEPARTMENTS, SEAT_STATES, TICKET_STATUSES } from '../../../shared/protocol/vocabulary';
import { en } from './en';
import { hi } from './hi';
import { initialLanguage } from './index';

function leaves(o: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v as object, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

describe('dictionaries', () => {
  it('have the same keys and the same placeholders in Hindi and English', () => {
    const e = leaves(en);
    const h = leaves(hi);
    expect([...h.keys()].sort()).toEqual([...e.keys()].sort());
    for (const [k, v] of e) {
      const ph = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect(ph(h.get(k)!), k).toEqual(ph(v));
    }
  });

  it('name every vocabulary id of the contract', () => {
    for (const d of [en, hi]) {
      for (const c of DEFAULT_CATEGORIES) expect(d.category[c]).toBeTruthy();
      for (const c of CALL_DISPOSITIONS) expect(d.disposition[c]).toBeTruthy();
      for (const c of TICKET_STATUSES) expect(d.status[c]).toBeTruthy();
      for (const c of SEAT_STATES) expect(d.seatState[c]).toBeTruthy();
      for (const c of DEFAULT_DEPARTMENTS) expect(d.department[c]).toBeTruthy();
    }
  });

  it('keep the accessible names the contract fixes, in English', () => {
    expect([en.signIn.seat, en.signIn.user, en.signIn.pin, en.signIn.key, en.signIn.submit]).toEqual(['Seat', 'User', 'PIN', 'Access key', 'Sign in']);
    expect([en.call.start, en.form.phone, en.form.name, en.form.category, en.form.description, en.form.create]).toEqual([
      'Start call',
      'Caller phone',
      'Caller name',
      'Category',
      'Description',
      'Create ticket',
    ]);
    expect([en.call.disposition, en.call.end, en.tickets.region, en.top.totalCalls, en.top.callsToday, en.wall.seats]).toEqual([
      'Disposition',
      'End call',
      'Tickets',
      'Total calls',
      'Calls today',
      'Seats',
    ]);
  });

  it('use the Hindi words of the helpline', () => {
    const all = [...leaves(hi).values()].join(' ');
    for (const w of ['शिकायत', 'प्रवासी श्रमिक पंजीकरण', 'मूवमेंट पास', 'कंट्रोल रूम', 'हेल्पलाइन']) expect(all).toContain(w);
  });
});

describe('initial language', () => {
  it('lets the address win, then the stored choice, then English', () => {
    expect(initialLanguage('?lang=hi', 'en')).toBe('hi');
    expect(initialLanguage('?lang=xx', 'hi')).toBe('hi');
    expect(initialLanguage('', null)).toBe('en');
  });
});
