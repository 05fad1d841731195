import { browser } from 'wxt/browser';
import { releasesSince } from '@/lib/whats-new';

/** The short "What's new" shown once after an update: the notes of every release since `from`. */
export function WhatsNew({ from }: { from: string }) {
  const current = browser.runtime.getManifest().version;
  const releases = releasesSince(from, current);
  return (
    <section aria-labelledby="whats-new-heading" data-testid="whats-new">
      <h2 id="whats-new-heading">What’s new in Daylight {current}</h2>
      {releases.length === 0 ? (
        <p className="muted">Fixes and small improvements since {from}.</p>
      ) : (
        releases.map((release) => (
          <div key={release.version}>
            {releases.length > 1 && <h3>{release.version}</h3>}
            <ul>
              {release.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
