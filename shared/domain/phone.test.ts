import { describe, expect, it } from 'vitest';
import { formatPhone, maskPhone, normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['9876543210', '+919876543210'],
    ['98765 43210', '+919876543210'],
    ['098765-43210', '+919876543210'],
    ['+91 98765 43210', '+919876543210'],
    ['+91-9876543210', '+919876543210'],
    ['919876543210', '+919876543210'],
    ['00919876543210', '+919876543210'],
    ['6000000000', '+916000000000'],
    ['0124 2345678', '+911242345678'],
    ['+1 415 555 0100', '+14155550100'],
  ])('accepts %s as %s', (input, expected) => {
    expect(normalizePhone(input)).toEqual({ ok: true, phone: expected });
  });

  it.each(['', '   ', '12345', '1950', '5876543210', 'abc', '98765432101', '+91 12345', '+9198765', '98765O43210', '+0123456789', '++919876543210'])(
    'rejects %j',
    (input) => {
      expect(normalizePhone(input).ok).toBe(false);
    },
  );
});

describe('maskPhone', () => {
  it('keeps only the last four digits', () => {
    const masked = maskPhone('+919876543210');
    expect(masked.endsWith('3210')).toBe(true);
    expect(masked).not.toMatch(/98765/);
    expect(masked.replace(/\D/g, '')).toBe('3210');
  });
});

describe('formatPhone', () => {
  it('groups Indian mobiles for reading aloud', () => {
    expect(formatPhone('+919876543210')).toBe('98765 43210');
    expect(formatPhone('+14155550100')).toBe('+14155550100');
  });
});
