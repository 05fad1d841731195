import { useState } from 'react';
import { openDatabase, type PlaceChoice } from '@/lib/db';
import { sendToBackground } from '@/lib/messaging';
import { toolLink } from '@/lib/tools/links';
import { TOOL_NAMES } from '@/lib/tools/tool-ids';
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
      <h3>Places you are not warned about</h3>
      {exceptions.length === 0 ? (
        <p className="muted" data-testid="no-exceptions">
          None. “Don’t warn here again” on a private-place warning adds one.
        </p>
      ) : (
        <ul data-testid="exceptions">
          {exceptions.map((place) => (
            <li key={place.key}>
              <a href={toolLink(place.tool, place.url, selfHosted) ?? undefined} target="_blank" rel="noreferrer">
                {place.label}
              </a>{' '}
              <span className="muted">({TOOL_NAMES[place.tool]})</span>{' '}
              <button type="button" aria-label={`Warn again in ${place.label}`} onClick={() => void remove(place)}>
                Warn again
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
          <h3>Reasons you gave for keeping places private</h3>
          <ul data-testid="place-reasons">
            {reasons.map((place) => (
              <li key={place.key}>
                {place.label} <span className="muted">({TOOL_NAMES[place.tool]})</span>: {place.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
