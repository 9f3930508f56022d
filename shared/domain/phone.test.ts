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
});
