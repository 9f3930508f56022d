import { describe, expect, it } from 'vitest';
import { SESSION_END_REASONS } from '../../../../shared/protocol/accounts';
import { en } from '../../i18n/en';
import { hi } from '../../i18n/hi';
import { endedWords, refusalWords, resumeRefusedWords, type Words } from './refusal';

/** Says words as i18next would, from a dictionary, filling in {{placeholders}}. */
function translator(dict: object) {
  return ({ key, values }: Words) => {
    const text = key.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], dict);
    if (typeof text !== 'string') throw new Error(`no words for ${key}`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values?.[name] ?? ''));
  };
}

const refusalText = (say: (w: Words) => string, ...a: Parameters<typeof refusalWords>) => say(refusalWords(...a));
const endedText = (say: (w: Words) => string, ...a: Parameters<typeof endedWords>) => say(endedWords(...a));
const resumeRefusedText = (say: (w: Words) => string, ...a: Parameters<typeof resumeRefusedWords>) => say(resumeRefusedWords(...a));

// Every reason the hub gives a supervisor (seat_taken is an operator's alone).
const REASONS = ['unauthorized', 'locked', 'invalid', 'outdated', undefined];

describe('why the hub refused a sign-in, as each console says it', () => {
  it('never speaks of a seat to a supervisor, who has none, in either language', () => {
    for (const [dict, seatWord] of [
      [en, /seat/i],
      [hi, /सीट/],
    ] as const) {
      for (const reason of REASONS) for (const typed of [false, true]) expect(refusalText(translator(dict), reason, 'supervisor', typed)).not.toMatch(seatWord);
    }
  });

  it('never says whether the user or the PIN was wrong; names the key only when it was just typed', () => {
    const en_ = translator(en);
    expect(refusalText(en_, 'unauthorized', 'operator')).toBe('The user name or PIN is not right. Check both and sign in again.');
    expect(refusalText(en_, 'unauthorized', 'operator')).not.toMatch(/key/);
    expect(refusalText(en_, 'unauthorized', 'operator', true)).toMatch(/user name, PIN or access key/);
    expect(refusalText(en_, 'unauthorized', 'supervisor', true)).toMatch(/supervisor’s access key/);
    expect(refusalText(translator(hi), 'unauthorized', 'operator')).toMatch(/यूज़र नाम या पिन/);
  });

  it('says how long a lock lasts and where to free a seat, in both languages', () => {
    expect(refusalText(translator(en), 'locked', 'operator')).toMatch(/15 minutes.*supervisor/);
    expect(refusalText(translator(hi), 'locked', 'operator')).toMatch(/15 मिनट.*सुपरवाइज़र/);
    expect(refusalText(translator(en), 'seat_taken', 'operator')).toMatch(/Someone else is signed in at this seat\. Ask a supervisor to free it/);
    expect(refusalText(translator(hi), 'seat_taken', 'operator')).toMatch(/सीट खाली/);
    expect(refusalText(translator(en), 'invalid', 'operator')).toMatch(/seat number/);
    expect(refusalText(translator(en), 'invalid', 'supervisor')).toMatch(/user name/);
  });
});

describe('why a session ended', () => {
  it('has words for every reason the hub gives, in both languages', () => {
    for (const dict of [en, hi]) for (const r of SESSION_END_REASONS) expect(endedText(translator(dict), r)).toBeTruthy();
    expect(endedText(translator(en), 'disabled')).toMatch(/supervisor disabled your account/);
    expect(endedText(translator(en), 'expired')).toMatch(/16 hours/);
    expect(endedText(translator(hi), 'expired')).toMatch(/16 घंटे/);
  });

  it('a remembered session the hub refused: over after 16 hours if its time has passed, else ended', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(resumeRefusedText(translator(en), 'unauthorized', 'operator', '2026-11-29T11:00:00Z', now)).toMatch(/16 hours/);
    expect(resumeRefusedText(translator(en), 'unauthorized', 'operator', '2026-11-29T20:00:00Z', now)).toMatch(/Your session has ended/);
    expect(resumeRefusedText(translator(en), 'seat_taken', 'operator', '2026-11-29T20:00:00Z', now)).toMatch(/Ask a supervisor to free it/);
  });
});
