import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, localTime, phoneForSheet } from './csv';

describe('csv', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(csvRow(['a,b', 'say "hi"', 'two\nlines', 3, null])).toBe('"a,b","say ""hi""","two\nlines",3,\r\n');
  });
  it('defuses formulas, phone numbers included', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+919876543210')).toBe("'+919876543210");
    expect(csvCell('राशन')).toBe('राशन');
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
  });
  it('writes phone numbers as the floor dials them, which no spreadsheet takes for a formula or a number', () => {
    expect(csvCell(phoneForSheet('+919876543210'))).toBe('98765 43210');
    expect(csvCell(phoneForSheet('+911724567890'))).toBe('0172-4567890');
    expect(csvCell(phoneForSheet('••••••3210'))).toBe('••••••3210');
    expect(csvCell(phoneForSheet(undefined))).toBe('');
  });
  it('writes local times', () => {
    expect(localTime('2026-11-28T08:35:00.000Z', 19_800_000)).toBe('2026-11-28 14:05:00');
  });
});
