import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/t';
import type { Settings } from '@/lib/settings';
import { TOOL_NAMES } from '@/lib/tools/tool-ids';
import { accessPatterns, type AccessPattern } from './ToolsModel';

/** The patterns Daylight may not reach now (re-read whenever the browser's grants change). */
function useMissingAccess(selfHosted: Settings['selfHosted']): AccessPattern[] {
  const [missing, setMissing] = useState<AccessPattern[]>([]);
  const wanted = JSON.stringify(accessPatterns(selfHosted));
  useEffect(() => {
    let live = true;
    const check = () => {
      const patterns = JSON.parse(wanted) as AccessPattern[];
      void Promise.all(patterns.map((p) => browser.permissions.contains({ origins: [p.pattern] }))).then((granted) => {
        if (live) setMissing(patterns.filter((_, i) => !granted[i]));
      });
    };
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [wanted]);
  return missing;
}

/**
 * Firefox lets the user withdraw host access per site (MV3 host permissions are optional there);
 * Daylight's content script then does not run on that site. List such sites with a button that asks
 * for access again: the request needs the user's click. Chrome grants them for good: nothing shows.
 */
export function HostAccess({ selfHosted }: { selfHosted: Settings['selfHosted'] }) {
  const missing = useMissingAccess(selfHosted);
  const [error, setError] = useState<string>();
  if (missing.length === 0) return null;
  const grant = (pattern: string) =>
    browser.permissions.request({ origins: [pattern] }).then(
      (granted) => setError(granted ? undefined : t('accessNotGranted', pattern)),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  return (
    <section className="host-access" aria-label={t('hostAccessLabel')} data-testid="host-access">
      <p className="error">{t('hostAccessWithdrawn')}</p>
      <ul>
        {missing.map(({ tool, pattern }) => (
          <li key={`${tool} ${pattern}`} data-pattern={pattern}>
            {TOOL_NAMES[tool]}: {pattern}{' '}
            <button type="button" onClick={() => void grant(pattern)}>
              {t('allowOn', pattern)}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
