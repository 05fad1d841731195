import { browser } from 'wxt/browser';
import { kindLabel } from '@/lib/i18n/kind-label';
import { formatList, t, tn, type MessageKey } from '@/lib/i18n/t';
import { sendToTab, type PageState } from '@/lib/messaging';
import { adapters } from '@/lib/tools/registry';
import { TOOL_NAMES } from '@/lib/tools/tool-ids';
import { Message } from './Message';
import { useAsync } from './useAsync';

const PLACE_TEXT: Record<PageState['place'], MessageKey> = {
  public: 'placePublic',
  private: 'placePrivate',
  unknown: 'placeUnknown',
};

async function activePageState(): Promise<PageState | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  try {
    return await sendToTab(tab.id, 'page-state', {});
  } catch {
    return null; // no Daylight content script in this tab
  }
}

/** Whether Daylight runs on the active tab, and what it reads there. */
export function PageStatus() {
  const state = useAsync(activePageState, []);
  if (state.status === 'loading') return <p className="muted">{t('lookingAtTab')}</p>;
  if (state.status === 'failed' || state.value === null) {
    return (
      <section aria-label={t('tabPage')} data-testid="page-status" data-active="false">
        <p>{t('notActiveHere')}</p>
        <p className="muted">{t('worksOn', formatList(adapters.map((a) => a.name)))}</p>
      </section>
    );
  }
  const page = state.value;
  return (
    <section aria-label={t('tabPage')} data-testid="page-status" data-active="true">
      <p>
        <Message id="activeOnPage" values={[<strong key="tool">{TOOL_NAMES[page.tool]}</strong>]} />{' '}
        <span className="badge">{kindLabel(page.kind)}</span>
      </p>
      <p className={page.place === 'private' ? 'locked' : 'muted'}>{t(PLACE_TEXT[page.place])}</p>
      {page.featureErrors.length > 0 && (
        <div role="alert" className="error">
          {tn('featuresFailedHere', page.featureErrors.length, page.featureErrors.map((e) => `${e.featureId} (${e.message})`).join('; '))}
        </div>
      )}
    </section>
  );
}
