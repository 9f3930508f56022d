import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { hi } from '../../i18n/hi';
import { newPinProblem, pinChangeRefusal, pinChoiceProblem } from './pinRule';

describe('a new PIN', () => {
  it('is taken as the contract takes it: six digits or more, or a passphrase of eight characters or more', () => {
    expect(newPinProblem('482913')).toBeNull();
    expect(newPinProblem('ration kit')).toBeNull();
    expect(newPinProblem('48291')).toEqual({ key: 'pin.shortDigits', values: { digits: 6 } });
    expect(newPinProblem('abc123')).toEqual({ key: 'pin.shortPassphrase', values: { chars: 8, digits: 6 } });
    expect(newPinProblem('x'.repeat(129))).toEqual({ key: 'pin.tooLong', values: { max: 128 } });
  });

  it('names the first field to put right: the current PIN, the rule, a repeat of the current one, the second copy', () => {
    expect(pinChoiceProblem({ current: '', next: '482913', again: '482913' })).toMatchObject({ field: 'current', key: 'pin.needCurrent' });
    expect(pinChoiceProblem({ current: '111111', next: '', again: '' })).toMatchObject({ field: 'next', key: 'pin.needNext' });
    expect(pinChoiceProblem({ current: '111111', next: '1234', again: '1234' })).toMatchObject({ field: 'next', key: 'pin.shortDigits' });
    expect(pinChoiceProblem({ current: '111111', next: '111111', again: '111111' })).toMatchObject({ field: 'next', key: 'pin.sameAsCurrent' });
    expect(pinChoiceProblem({ current: '111111', next: '482913', again: '482931' })).toMatchObject({ field: 'again', key: 'pin.mismatch' });
    expect(pinChoiceProblem({ current: '111111', next: '482913', again: '482913' })).toBeNull();
  });

  it('is said in both languages', () => {
    for (const d of [en, hi]) for (const k of ['shortDigits', 'shortPassphrase', 'tooLong', 'sameAsCurrent', 'mismatch', 'wrongCurrent', 'rule'] as const) expect(d.pin[k]).toBeTruthy();
  });
});

describe('the hub’s refusal of a new PIN', () => {
  it('lands under the field it is about', () => {
    expect(pinChangeRefusal({ code: 'invalid', field: 'next' })).toMatchObject({ field: 'next', key: 'pin.rule' });
    expect(pinChangeRefusal({ code: 'invalid', field: 'current' })).toMatchObject({ field: 'current', key: 'pin.wrongCurrent' });
    expect(pinChangeRefusal({ code: 'forbidden' })).toMatchObject({ field: 'current', key: 'pin.wrongCurrent' });
    expect(pinChangeRefusal({ code: 'rate_limited' })).toMatchObject({ field: 'current', key: 'pin.locked' });
    expect(pinChangeRefusal({ code: 'offline' })).toEqual({ field: null, code: 'offline' });
  });
});
