import { describe, expect, it } from 'vitest';
import type { CategoryConfig } from '../../shared/protocol/config';
import { withStaleGuidance } from './staleGuidance';

const cat = (en: string, hi: string, staleGuidance?: 'en' | 'hi'): CategoryConfig => ({
  id: 'food_ration',
  label: { en: 'Food', hi: 'राशन' },
  guidance: { en, hi },
  active: true,
  ...(staleGuidance ? { staleGuidance } : {}),
});
const after = (before: CategoryConfig, edit: CategoryConfig) => withStaleGuidance([before], [edit])[0]!.staleGuidance;

describe('guidance out of date', () => {
  it('marks the other language when one is edited, and clears it when that one is edited too', () => {
    expect(after(cat('a', 'अ'), cat('b', 'अ'))).toBe('hi');
    expect(after(cat('a', 'अ'), cat('a', 'ब'))).toBe('en');
    expect(after(cat('b', 'अ', 'hi'), cat('b', 'ब'))).toBeUndefined();
    expect(after(cat('a', 'ब', 'en'), cat('c', 'ब'))).toBeUndefined();
  });

  it('keeps the flag through edits that do not touch the guidance, and through more edits of the same language', () => {
    expect(after(cat('b', 'अ', 'hi'), { ...cat('b', 'अ'), label: { en: 'Food and ration', hi: 'राशन' } })).toBe('hi');
    expect(after(cat('b', 'अ', 'hi'), cat('c', 'अ'))).toBe('hi');
  });

  it('clears it when both are edited at once, and ignores what the request said', () => {
    expect(after(cat('a', 'अ', 'hi'), cat('b', 'ब'))).toBeUndefined();
    expect(after(cat('a', 'अ'), cat('a', 'अ', 'en'))).toBeUndefined();
    expect(after(cat('a', 'अ', 'hi'), { ...cat('a', 'अ'), staleGuidance: null })).toBe('hi');
  });

  it('marks a new category whose guidance is written in one language only', () => {
    expect(withStaleGuidance([], [cat('Tell: …', '')])[0]!.staleGuidance).toBe('hi');
    expect(withStaleGuidance([], [cat('', '')])[0]!.staleGuidance).toBeUndefined();
  });
});
