import { describe, expect, it } from 'vitest';
import { formatPhone, maskPhone } from './phone';

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

  it('shows landlines as dialled: trunk 0, the STD code, a dash, the subscriber number', () => {
    expect(formatPhone('+911724567890')).toBe('0172-4567890');
    expect(formatPhone('+911242345678')).toBe('0124-2345678');
    expect(formatPhone('+911123456789')).toBe('011-23456789');
    expect(formatPhone('+914422334455')).toBe('044-22334455');
    expect(formatPhone('+911274234567')).toBe('01274-234567');
    // Every Indian number keeps all ten digits, only regrouped.
    for (const p of ['+911724567890', '+911274234567', '+919876543210']) expect(formatPhone(p).replace(/\D/g, '').replace(/^0/, '')).toBe(p.slice(3));
  });
});
