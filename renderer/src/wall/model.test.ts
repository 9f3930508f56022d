import { describe, expect, it } from 'vitest';
import type { FloorStats } from '../../../shared/protocol';
import { hubTime } from '../ui/hubTime';
import { hourBars, seatGridShape, showDisconnectBanner, statsStale, topWithRest } from './model';

describe('wall model', () => {
  it('waits a few seconds before saying the connection is lost', () => {
    expect(showDisconnectBanner(false, 1000, 2000)).toBe(false);
    expect(showDisconnectBanner(false, 1000, 6000)).toBe(true);
    expect(showDisconnectBanner(true, undefined, 6000)).toBe(false);
  });

  it('draws the sliding 24 hours with the hour running now last and the busiest marked', () => {
    const hourly = Array.from({ length: 24 }, (_, i) => ({ hour: new Date(Date.UTC(2026, 10, 27, 11, 30) + i * 3_600_000).toISOString(), calls: i === 5 ? 40 : i }));
    const bars = hourBars({ hourly } as FloorStats, hubTime('Asia/Kolkata'));
    expect(bars).toHaveLength(24);
    expect(bars[0]).toMatchObject({ label: '17', calls: 0, share: 0, current: false });
    expect(bars[5]).toMatchObject({ calls: 40, share: 1, peak: true });
    expect(bars[23]).toMatchObject({ label: '16', current: true, share: 23 / 40 });
    // Counts over the hour running now and the busiest one, never over two neighbours.
    expect(bars.filter((b) => b.showCount).map((b) => b.calls)).toEqual([40, 23]);
    const lateBusiest = hourBars({ hourly: hourly.map((h, i) => ({ ...h, calls: i === 22 ? 90 : 1 })) } as FloorStats, hubTime('Asia/Kolkata'));
    expect(lateBusiest.filter((b) => b.showCount).map((b) => b.calls)).toEqual([1]);
    // A hub in New York labels the same hours by its own clock.
    expect(hourBars({ hourly } as FloorStats, hubTime('America/New_York'))[0]!.label).toBe('06');
  });

  it('keeps the largest categories and counts the rest together', () => {
    const items = [5, 4, 3, 2, 1].map((n, i) => ({ category: `c${i}`, tickets: n }));
    const rows = topWithRest(items, (x) => x.tickets, (x) => x.category, 3);
    expect(rows.map((r) => [r.id, r.count])).toEqual([
      ['c0', 5],
      ['c1', 4],
      [null, 6],
    ]);
    expect(rows[2]!.share).toBe(1);
    expect(topWithRest(items.slice(0, 3), (x) => x.tickets, (x) => x.category, 3).map((r) => r.id)).toEqual(['c0', 'c1', 'c2']);
  });

  it('lays 40 seats out in 8 columns of 5, and a larger floor in more columns of about the same shape', () => {
    expect(seatGridShape(40)).toEqual({ columns: 8, rows: 5 });
    expect(seatGridShape(24)).toEqual({ columns: 8, rows: 3 });
    expect(seatGridShape(60)).toEqual({ columns: 10, rows: 6 });
    expect(seatGridShape(0)).toEqual({ columns: 8, rows: 1 });
  });

  it('calls the figures stale when the hub has not refreshed them for a while', () => {
    const stats = { at: '2026-11-28T10:00:00.000Z' } as FloorStats;
    expect(statsStale(stats, new Date('2026-11-28T10:00:10.000Z'))).toBe(false);
    expect(statsStale(stats, new Date('2026-11-28T10:00:30.000Z'))).toBe(true);
    expect(statsStale(null, new Date())).toBe(false);
  });
});
