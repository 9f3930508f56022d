import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../shared/domain/defaultConfig';
import type { FloorConfig } from '../../../shared/protocol';
import { categoryLabel, categoryOptions, configGuidance } from './vocab';

const t = ((k: string, o?: { defaultValue?: string }) => (k === 'category.food_ration' ? 'Food / ration' : (o?.defaultValue ?? k))) as unknown as TFunction;

describe('vocabulary labels', () => {
  it('falls back to the dictionaries before the hub sends its configuration', () => {
    expect(categoryOptions(null, 'en', t)).toHaveLength(8);
    expect(categoryLabel('food_ration', null, 'en', t)).toBe('Food / ration');
  });

  it('follows the floor configuration: new categories, retired ones hidden unless in use', () => {
    const config: FloorConfig = {
      ...DEFAULT_CONFIG,
      categories: [
        ...DEFAULT_CONFIG.categories.map((c) => (c.id === 'aarogya_setu' ? { ...c, active: false } : c)),
        { id: 'biomedical_waste', label: { en: 'Biomedical waste', hi: 'जैव चिकित्सा अपशिष्ट' }, guidance: { en: '', hi: '' }, active: true },
      ],
    };
    const ids = categoryOptions(config, 'hi', t).map((o) => o.id);
    expect(ids).toContain('biomedical_waste');
    expect(ids).not.toContain('aarogya_setu');
    expect(categoryOptions(config, 'en', t, 'aarogya_setu').map((o) => o.id)).toContain('aarogya_setu');
    expect(categoryLabel('biomedical_waste', config, 'hi', t)).toBe('जैव चिकित्सा अपशिष्ट');
  });

  it('splits guidance into what to ask and what to tell', () => {
    const lines = configGuidance('food_ration', DEFAULT_CONFIG, 'en')!;
    expect(lines[0]).toMatch(/^Ask:/);
    expect(lines[1]).toMatch(/^Tell:/);
    expect(configGuidance('food_ration', DEFAULT_CONFIG, 'hi')![1]).toMatch(/^बताएं:/);
  });
});
