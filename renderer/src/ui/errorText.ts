/** What a person reads for an error code of the hub's acks (`invalid`, `conflict`…), in the screen's language. */
export function errorText(t: (k: string, o?: Record<string, unknown>) => string, code: string): string {
  return t(`errors.${code}`, { defaultValue: t('errors.unknown') });
}
