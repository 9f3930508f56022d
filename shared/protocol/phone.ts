/**
 * Phone numbers as the helpline receives them: typed by operators in many shapes
 * ("98765 43210", "098765-43210", "+91 98765 43210", "0124 2345678").
 * Every stored number has one canonical form so that a caller is found again by any
 * spelling of their number: Indian numbers become "+91" and ten digits. This is the
 * contract's rule for what a phone field accepts.
 */

export type PhoneResult = { ok: true; phone: string } | { ok: false; reason: string };

const SEPARATORS = /[\s\-().]/g;

export function normalizePhone(input: string): PhoneResult {
  if (typeof input !== 'string') return { ok: false, reason: 'not a string' };
  const raw = input.trim().replace(SEPARATORS, '');
  if (raw.length === 0) return { ok: false, reason: 'empty' };
  if (!/^\+?\d+$/.test(raw)) return { ok: false, reason: 'only digits, spaces, dashes and a leading + are allowed' };

  const digits = raw.replace(/^\+/, '');
  const plus = raw.startsWith('+');

  // A bare ten-digit number must be a mobile (6-9): a bare number starting 1-5 is
  // more likely a mistyped one than a landline without its trunk prefix.
  if (!plus && digits.length === 10) {
    return /^[6-9]/.test(digits) ? india(digits) : { ok: false, reason: 'a 10-digit mobile number starts with 6, 7, 8 or 9' };
  }
  // Trunk prefix 0: mobile or landline (STD code + subscriber number = ten digits).
  if (!plus && digits.length === 11 && digits.startsWith('0')) return indiaNational(digits.slice(1));
  // 0091 and 91 prefixes, with or without +.
  if (!plus && digits.length === 14 && digits.startsWith('0091')) return indiaNational(digits.slice(4));
  if (digits.length === 12 && digits.startsWith('91')) return indiaNational(digits.slice(2));
  if (plus && digits.startsWith('91')) return { ok: false, reason: 'an Indian number has ten digits after +91' };
  // Other countries: E.164, a country code that does not start with 0, 8 to 15 digits.
  if (plus && /^[1-9]\d{7,14}$/.test(digits)) return { ok: true, phone: `+${digits}` };
  return { ok: false, reason: 'not a phone number' };
}

function indiaNational(ten: string): PhoneResult {
  // With an explicit trunk or country prefix, landlines (STD codes start 1-5) are fine.
  return /^[1-9]\d{9}$/.test(ten) ? india(ten) : { ok: false, reason: 'not an Indian phone number' };
}

function india(ten: string): PhoneResult {
  return { ok: true, phone: `+91${ten}` };
}
