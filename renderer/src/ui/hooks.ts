import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, type Language } from '../i18n';
import { vocabulary, type Vocabulary } from './vocab';
import type { ClientView, HubClient } from '../hubLink/client';
import { hubTimeZone } from '../hubLink/hubMirror';
import { hubTime, type HubTime } from './hubTime';

export function useClientView(client: HubClient): ClientView {
  return useSyncExternalStore(
    (fn) => client.subscribe(fn),
    client.getView,
  );
}

/** The current time, re-rendered every `everyMs`; timers and clocks read it. */
export function useNow(everyMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/** The hub's clock: timers count from hub timestamps, so a slow PC clock does not skew them. */
export function hubNow(now: Date, view: ClientView): Date {
  return new Date(now.getTime() + view.hub.clockOffsetMs);
}

/** Category and department names from the hub's configuration, in the screen's language. */
export function useVocabulary(view: ClientView): Vocabulary {
  const { t, i18n } = useTranslation();
  const lang: Language = isLanguage(i18n.language) ? i18n.language : 'en';
  return useMemo(() => vocabulary(view.config, lang, t), [view.config, lang, t]);
}

/**
 * Times in the hub's zone, as this client last heard it named (IST until then), in the
 * screen's language. Read while rendering: every component that shows times translates too,
 * so a switch of language renders them again.
 */
export function hubTimeOf(view: ClientView, lang: Language = currentLanguage()): HubTime {
  return hubTime(hubTimeZone(view.hub), lang);
}
