import { useState } from 'react';
import { openDatabase, type PlaceChoice } from '@/lib/db';
import { t } from '@/lib/i18n/t';
import { sendToBackground } from '@/lib/messaging';
import { toolLink } from '@/lib/tools/links';
import { TOOL_NAMES } from '@/lib/tools/tool-ids';
import { Message } from './Message';
import { useAsync } from './useAsync';
import { useSettings } from './useSettings';

async function load(): Promise<PlaceChoice[]> {
  const db = openDatabase();
  try {
    return await db.places.toArray();
  } finally {
    db.close();
  }
}

/** Places where Daylight does not warn ("Don't warn here again"), removable, and the reasons on record per place. */
export function PrivatePlaces() {
  const selfHosted = useSettings()?.effective.selfHosted ?? {};
  const [version, setVersion] = useState(0);
  const [problem, setProblem] = useState<string>();
  const data = useAsync(load, [version]);
  if (data.status !== 'ready') return data.status === 'failed' ? <p role="alert" className="error">{data.error}</p> : null;
  const exceptions = data.value.filter((p) => p.exceptionAt !== undefined && p.exceptionArchivedAt === undefined);
  const reasons = data.value.filter((p) => p.reason !== undefined);
  const remove = (place: PlaceChoice) =>
    sendToBackground('openness-choose', { tool: place.tool, key: place.key, label: place.label, url: place.url, exception: false }).then(
      () => setVersion((v) => v + 1),
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  return (
    <div className="private-places">
      <h3>{t('notWarnedHeading')}</h3>
      {exceptions.length === 0 ? (
        <p className="muted" data-testid="no-exceptions">
          {t('noExceptions')}
        </p>
      ) : (
        <ul data-testid="exceptions">
          {exceptions.map((place) => (
            <li key={place.key}>
              <a href={toolLink(place.tool, place.url, selfHosted) ?? undefined} target="_blank" rel="noreferrer">
                <bdi>{place.label}</bdi>
              </a>{' '}
              <span className="muted">({TOOL_NAMES[place.tool]})</span>{' '}
              <button type="button" aria-label={t('warnAgainLabel', place.label)} onClick={() => void remove(place)}>
                {t('warnAgain')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {reasons.length > 0 && (
        <>
          <h3>{t('reasonsHeading')}</h3>
          <ul data-testid="place-reasons">
            {reasons.map((place) => (
              <li key={place.key}>
                <Message id="placeReason" values={[<bdi key="place">{place.label}</bdi>, <span key="tool" className="muted">{TOOL_NAMES[place.tool]}</span>, <bdi key="reason">{place.reason}</bdi>]} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
