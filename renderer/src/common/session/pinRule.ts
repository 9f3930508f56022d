/**
 * The rule a new PIN must meet, said before anything is sent: the contract's `pinProblem`
 * decides (the hub applies the same one), and this names which part of it failed in the
 * dictionary's words, so both languages can say it.
 */
import { PASSPHRASE_MIN, PIN_MAX, PIN_MIN_DIGITS, pinProblem } from '../../../../shared/protocol/accounts';

export type PinWords = { key: string; values?: Record<string, number> };

/** The rule as a hint beside the field. */
export const PIN_RULE: PinWords = { key: 'pin.rule', values: { digits: PIN_MIN_DIGITS, chars: PASSPHRASE_MIN } };

/** What is wrong with a new PIN, or null when the hub will take it. */
export function newPinProblem(pin: string): PinWords | null {
  if (pinProblem(pin) === null) return null;
  if (pin.length > PIN_MAX) return { key: 'pin.tooLong', values: { max: PIN_MAX } };
  if (/^\d+$/.test(pin)) return { key: 'pin.shortDigits', values: { digits: PIN_MIN_DIGITS } };
  return { key: 'pin.shortPassphrase', values: { chars: PASSPHRASE_MIN, digits: PIN_MIN_DIGITS } };
}

export type PinChoice = { current: string; next: string; again: string };

/** The first thing to put right in the "choose your PIN" form, with the field it belongs to. */
export function pinChoiceProblem(c: PinChoice): ({ field: keyof PinChoice } & PinWords) | null {
  if (!c.current) return { field: 'current', key: 'pin.needCurrent' };
  if (!c.next) return { field: 'next', key: 'pin.needNext' };
  const rule = newPinProblem(c.next);
  if (rule) return { field: 'next', ...rule };
  if (c.next === c.current) return { field: 'next', key: 'pin.sameAsCurrent' };
  if (c.again !== c.next) return { field: 'again', key: 'pin.mismatch' };
  return null;
}

/**
 * The hub's refusal of a `pin:change`, as a problem of a field: a new PIN it will not take
 * (`invalid` naming `next`) under the new PIN, a current PIN that is not right (or one wrong
 * too often, which locks the account) under that one.
 * Anything else (offline, no answer) is said as the error it is, under the form.
 */
export function pinChangeRefusal(error: { code: string; field?: string }): ({ field: keyof PinChoice } & PinWords) | { field: null; code: string } {
  if (error.code === 'invalid' && error.field === 'next') return { field: 'next', key: 'pin.rule', values: PIN_RULE.values! };
  if (error.code === 'forbidden' || error.code === 'unauthorized' || (error.code === 'invalid' && error.field === 'current')) return { field: 'current', key: 'pin.wrongCurrent' };
  // The hub counts wrong current PINs as failed sign-ins: enough of them lock the account.
  if (error.code === 'rate_limited' || error.code === 'locked') return { field: 'current', key: 'pin.locked' };
  return { field: null, code: error.code };
}
