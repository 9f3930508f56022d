import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, localTime } from './csv';

describe('csv', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(csvRow(['a,b', 'say "hi"', 'two\nlines', 3, null])).toBe('"a,b","say ""hi""","two\nlines",3,\r\n');
  });
  it('defuses formulas, phone numbers included', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+919876543210')).toBe("'+919876543210");
    expect(csvCell('राशन')).toBe('राशन');
  });
  it('writes local times', () => {
    expect(localTime('2026-11-28T08:35:00.000Z', 19_800_000)).toBe('2026-11-28 14:05:00');
  });
});
