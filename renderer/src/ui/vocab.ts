/**
 * Labels of categories and departments. The hub's floor configuration is the source (a
 * supervisor may add a category while the floor runs); the dictionaries are the fallback for a
 * screen that has not heard from the hub yet, and for ids the configuration does not know.
 */
import type { TFunction } from 'i18next';
import { DEFAULT_CATEGORIES, DEFAULT_DEPARTMENTS } from '../../../shared/protocol/vocabulary';
import type { FloorConfig } from '../../../shared/protocol';
import type { Language } from '../i18n';

export interface Option {
  id: string;
  label: string;
}

export function categoryOptions(config: FloorConfig | null, lang: Language, t: TFunction, keep?: string): Option[] {
  if (!config) return DEFAULT_CATEGORIES.map((id) => ({ id, label: t(`category.${id}`) }));
  const list = config.categories.filter((c) => c.active || c.id === keep).map((c) => ({ id: c.id, label: c.label[lang] }));
  return list;
}

export function categoryLabel(id: string, config: FloorConfig | null, lang: Language, t: TFunction): string {
  const c = config?.categories.find((x) => x.id === id);
  return c ? c.label[lang] : t(`category.${id}`, { defaultValue: id });
}

export function departmentOptions(config: FloorConfig | null, lang: Language, t: TFunction, keep?: string): Option[] {
  if (!config) return DEFAULT_DEPARTMENTS.map((id) => ({ id, label: t(`department.${id}`) }));
  return config.departments.filter((d) => d.active || d.id === keep).map((d) => ({ id: d.id, label: d.label[lang] }));
}

export function departmentLabel(id: string, config: FloorConfig | null, lang: Language, t: TFunction): string {
  const d = config?.departments.find((x) => x.id === id);
  return d ? d.label[lang] : t(`department.${id}`, { defaultValue: id });
}

/** The floor's guidance for a category, split where it turns from asking to telling. */
export function configGuidance(id: string, config: FloorConfig | null, lang: Language): string[] | null {
  const text = config?.categories.find((x) => x.id === id)?.guidance[lang]?.trim();
  if (!text) return null;
  return text
    .split(/\s+(?=(?:Ask|Tell|पूछें|बताएं|बताएँ):)/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Everything a screen needs to name categories and departments, in the current language. */
export function vocabulary(config: FloorConfig | null, lang: Language, t: TFunction) {
  return {
    lang,
    categories: (keep?: string) => categoryOptions(config, lang, t, keep),
    departments: (keep?: string) => departmentOptions(config, lang, t, keep),
    category: (id: string) => categoryLabel(id, config, lang, t),
    department: (id: string) => departmentLabel(id, config, lang, t),
  };
}
export type Vocabulary = ReturnType<typeof vocabulary>;
