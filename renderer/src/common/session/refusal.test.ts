import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { hi } from '../../i18n/hi';
import { refusalText } from './SessionGate';

/** Looks a dictionary key up as i18next would, filling in {{placeholders}}. */
function translator(dict: object) {
  return (key: string, o?: Record<string, unknown>) => {
    const text = key.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], dict);
    if (typeof text !== 'string') throw new Error(`no words for ${key}`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(o?.[name] ?? ''));
  };
}

// Every reason the hub gives a supervisor (seat_taken is an operator's alone).
const REASONS = ['unauthorized', 'invalid', 'outdated', undefined];

describe('why the hub refused a sign-in, as each console says it', () => {
  it('never speaks of a seat to a supervisor, who has none, in either language', () => {
    for (const [dict, seatWord] of [
      [en, /seat/i],
      [hi, /सीट/],
    ] as const) {
      for (const reason of REASONS) expect(refusalText(translator(dict), reason, 'supervisor')).not.toMatch(seatWord);
    }
  });

  it('tells a supervisor to check the supervisor’s key, and an operator the seat', () => {
    expect(refusalText(translator(en), 'unauthorized', 'supervisor')).toMatch(/supervisor’s access key/);
    expect(refusalText(translator(hi), 'unauthorized', 'supervisor')).toMatch(/सुपरवाइज़र की एक्सेस कुंजी/);
    expect(refusalText(translator(en), 'invalid', 'supervisor')).toMatch(/your name/);
    expect(refusalText(translator(en), 'invalid', 'operator')).toMatch(/seat number/);
    expect(refusalText(translator(hi), 'invalid', 'operator')).toMatch(/सीट नंबर/);
    expect(refusalText(translator(en), 'seat_taken', 'operator')).toBe('The hub refused the connection: seat_taken');
  });
});
