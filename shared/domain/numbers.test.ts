import { describe, expect, it } from 'vitest';
import { formatIndian, toDevanagariDigits } from './numbers';

describe('formatIndian', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [103515, '1,03,515'],
    [1000000, '10,00,000'],
    [12345678, '1,23,45,678'],
    [-103515, '-1,03,515'],
  ])('%d → %s', (n, s) => expect(formatIndian(n)).toBe(s));
  it('writes Devanagari digits', () => expect(toDevanagariDigits('1,03,515')).toBe('१,०३,५१५'));
});
