import { uuidV4 } from '../../../shared/domain/uuid';

/** The part of `Storage` the hub link uses, so tests can give it a Map instead of localStorage. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/** localStorage when the page has it; otherwise memory (private modes that refuse storage). */
export function browserStore(): KeyValueStore {
  try {
    const probe = '__hcr_probe__';
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return memoryStore();
  }
}

export function readJson<T>(store: KeyValueStore, key: string): T | null {
  const raw = store.getItem(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

/** A UUID for client ids and opIds; works where the page is not a secure context (http on the LAN). */
export function newId(): string {
  return uuidV4((bytes) => crypto.getRandomValues(bytes));
}
