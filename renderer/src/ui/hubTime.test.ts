import { describe, expect, it } from 'vitest';
import { hubTime } from './hubTime';

describe('times in the hub’s zone (IST by default)', () => {
  const ist = hubTime('Asia/Kolkata');

  it('shows times in IST whatever the machine zone', () => {
    expect(ist.clock('2026-11-28T18:31:05.000Z')).toBe('00:01:05');
    expect(ist.clockMinutes('2026-11-28T18:31:05.000Z')).toBe('00:01');
    expect(ist.when('2026-11-28T08:00:00.000Z', new Date('2026-11-28T09:00:00.000Z'))).toBe('13:30');
    expect(ist.when('2026-11-26T08:00:00.000Z', new Date('2026-11-28T09:00:00.000Z'))).toBe('26 Nov 13:30');
    expect(ist.zoneName(new Date('2026-11-28T09:00:00.000Z'))).toBe('IST');
  });

  it('reads and writes datetime-local values in IST whatever the machine zone', () => {
    expect(ist.inputValue('2026-11-28T10:30:00.000Z')).toBe('2026-11-28T16:00');
    expect(ist.fromInput('2026-11-28T16:00')).toBe('2026-11-28T10:30:00.000Z');
    expect(ist.fromInput('2026-11-29T00:10')).toBe('2026-11-28T18:40:00.000Z');
    expect(ist.fromInput('')).toBeNull();
    expect(ist.day('2026-11-28T18:31:00.000Z')).toBe('2026-11-29');
    expect(ist.hour('2026-11-28T18:31:00.000Z')).toBe('00');
    expect(ist.noonOf('2026-11-28').toISOString()).toBe('2026-11-28T06:30:00.000Z');
  });
});

describe('a hub in another zone', () => {
  const ny = hubTime('America/New_York');
  const at = '2026-11-28T18:31:05.000Z';

  it('moves the displayed times, the day and the hour with it', () => {
    expect(ny.clock(at)).toBe('13:31:05');
    expect(ny.day(at)).toBe('2026-11-28');
    expect(hubTime('Asia/Kolkata').day(at)).toBe('2026-11-29');
    expect(ny.hour(at)).toBe('13');
    expect(ny.inputValue(at)).toBe('2026-11-28T13:31');
    expect(ny.fromInput('2026-11-28T13:31')).toBe('2026-11-28T18:31:00.000Z');
    // Two instants of one New York evening are the same day there, and two days in India.
    expect(ny.when('2026-11-29T00:30:00.000Z', new Date('2026-11-28T20:00:00.000Z'))).toBe('19:30');
    expect(hubTime('Asia/Kolkata').when('2026-11-29T00:30:00.000Z', new Date('2026-11-28T15:00:00.000Z'))).toBe('29 Nov 06:00');
    expect(ny.zoneName(new Date(at))).toBe('GMT-5');
  });

  it('falls back to IST for a zone this browser does not know', () => {
    expect(hubTime('Mars/Olympus_Mons').zone).toBe('Asia/Kolkata');
  });
});

describe('times in Hindi', () => {
  const hi = hubTime('Asia/Kolkata', 'hi');
  const en = hubTime('Asia/Kolkata', 'en');
  const at = '2026-11-30T16:33:00.000Z';
  const nextDay = new Date('2026-12-01T09:00:00.000Z');

  it('names months in Hindi, with the same digits and the 24-hour clock', () => {
    expect(hi.when(at, nextDay)).toBe('30 नवंबर 22:03');
    expect(en.when(at, nextDay)).toBe('30 Nov 22:03');
    expect(hi.when(at, new Date(at))).toBe('22:03');
    expect(hi.clock(at)).toBe('22:03:00');
    expect(hi.date('2026-11-30')).toBe('30 नवंबर 2026');
    expect(en.date('2026-11-30')).toBe('30 November 2026');
    expect(hi.dateTime(at)).toBe('30 नवंबर 2026 को 22:03 बजे');
    expect(en.dateTime(at)).toBe('30 November 2026 at 22:03');
  });

  it('names the zone in words in the page’s language, never by its IANA name', () => {
    expect(hi.zoneLongName(new Date(at))).toBe('भारतीय मानक समय');
    expect(en.zoneLongName(new Date(at))).toBe('India Standard Time');
    expect(hi.zoneName(new Date(at))).toBe('IST');
  });
});
