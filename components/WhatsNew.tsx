import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/t';
import { releasesSince } from '@/lib/whats-new';

/** The short "What's new" shown once after an update: the notes of every release since `from`. */
export function WhatsNew({ from }: { from: string }) {
  const current = browser.runtime.getManifest().version;
  const releases = releasesSince(from, current);
  return (
    <section aria-labelledby="whats-new-heading" data-testid="whats-new">
      <h2 id="whats-new-heading">{t('whatsNewTitle', current)}</h2>
      {releases.length === 0 ? (
        <p className="muted">{t('whatsNewFixes', from)}</p>
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
