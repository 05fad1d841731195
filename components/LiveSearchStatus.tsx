import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/t';
import { TOOL_IDS, TOOL_NAMES } from '@/lib/tools/tool-ids';
import type { LiveSearch } from './useLiveSearch';

/**
 * Each tool's live-search state (docs/contract.md section 3: `[data-daylight-live-status]`), in
 * words, with what the user can do: sign in, or give Daylight access (a permission prompt needs
 * the click's user gesture).
 */
export function LiveSearchStatus({ live }: { live: LiveSearch }) {
  const tools = TOOL_IDS.filter((tool) => live.statuses[tool] !== undefined);
  if (tools.length === 0) return null;
  const allow = (origins: readonly string[]) => {
    void browser.permissions.request({ origins: origins.map((o) => `${o}/*`) }).then((granted) => granted && live.retry());
  };
  return (
    <ul className="live-status" aria-label={t('liveStatusLabel')}>
      {tools.map((tool) => {
        const status = live.statuses[tool]!;
        return (
          <li key={tool} data-daylight-live-status="" data-tool={tool} data-state={status.state} title={status.text}>
            <span className="tool">{TOOL_NAMES[tool]}</span> <span>{status.text}</span>
            {status.state === 'signed-out' && status.signIn && (
              <>
                {' '}
                <a href={status.signIn} target="_blank" rel="noreferrer">
                  {t('liveSignIn', TOOL_NAMES[tool])}
                </a>
              </>
            )}
            {status.state === 'done' && status.more && (
              <>
                {' '}
                <button type="button" onClick={() => live.more(tool)}>
                  {t('liveMore', TOOL_NAMES[tool])}
                </button>
              </>
            )}
            {status.state === 'no-access' && status.origins && (
              <>
                {' '}
                <button type="button" onClick={() => allow(status.origins!)}>
                  {t('liveAllowAccess', TOOL_NAMES[tool])}
                </button>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
