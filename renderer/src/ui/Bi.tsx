import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../i18n';

/** The other of the two languages, shown beside the screen's own on the wall and the report. */
export function useOtherLanguage(): { lang: Language; other: Language } {
  const { i18n } = useTranslation();
  const lang: Language = isLanguage(i18n.language) ? i18n.language : 'en';
  return { lang, other: lang === 'hi' ? 'en' : 'hi' };
}

/**
 * A label in the screen's language with the other language under it, for screens read by
 * everyone on the floor. Only the first is read out: the second says the same thing.
 */
export function Bi({ k, opts, main, second }: { k?: string; opts?: Record<string, unknown>; main?: string; second?: string }) {
  const { t } = useTranslation();
  const { other } = useOtherLanguage();
  const first = main ?? t(k ?? '', opts);
  const next = second ?? t(k ?? '', { ...opts, lng: other });
  return (
    <>
      <span className="bi-main">{first}</span>
      {next && next !== first && (
        <span className="bi-other" lang={other} aria-hidden="true">
          {next}
        </span>
      )}
    </>
  );
}
