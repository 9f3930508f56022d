import { useTranslation } from 'react-i18next';
import type { ClientView } from '../hubLink/client';
import { useVocabulary } from '../ui/hooks';
import { configGuidance } from '../ui/vocab';
import { guidanceFor } from './guidance';

/** What to say and ask for the chosen category: the floor's own words when the hub has sent them. */
export function GuidancePanel({ category, view }: { category: string; view: ClientView }) {
  const { t } = useTranslation();
  const vocab = useVocabulary(view);
  const fromFloor = category ? configGuidance(category, view.config, vocab.lang) : null;
  const builtIn = category && !fromFloor ? guidanceFor(category, vocab.lang) : null;
  // The supervisor changed the other language's script since this one: it may not say the same.
  const stale = fromFloor && view.config?.categories.find((c) => c.id === category)?.staleGuidance === vocab.lang;
  return (
    <section className="panel guidance-panel" aria-label={t('guidance.region')}>
      <h2 className="panel-title">{category ? t('guidance.heading', { category: vocab.category(category) }) : t('guidance.region')}</h2>
      {stale && <p className="small hint-warn">{t('guidance.stale', { lang: t(`languages.${vocab.lang === 'en' ? 'hi' : 'en'}`) })}</p>}
      {fromFloor ? (
        <ul className="guidance say">
          {fromFloor.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      ) : builtIn ? (
        <div className="guidance">
          <ul className="say">
            {builtIn.say.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          <ul className="ask">
            {builtIn.ask.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted">{t('guidance.pick')}</p>
      )}
    </section>
  );
}
