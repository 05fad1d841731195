import { browser } from 'wxt/browser';
import { sendToTab, type PageState } from '@/lib/messaging';
import { adapters } from '@/lib/tools/registry';
import { TOOL_NAMES } from '@/lib/tools/tool-ids';
import { useAsync } from './useAsync';

const PLACE_TEXT: Record<PageState['place'], string> = {
  public: 'Public: anyone in the organisation can see what is posted here.',
  private: 'Private: only some people can see what is posted here.',
  unknown: 'Daylight cannot tell who can see this place.',
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
  if (state.status === 'loading') return <p className="muted">Looking at this tab…</p>;
  if (state.status === 'failed' || state.value === null) {
    return (
      <section aria-label="This page" data-testid="page-status" data-active="false">
        <p>Daylight is not active on this page.</p>
        <p className="muted">It works on {adapters.map((a) => a.name).join(', ')}, and on your organisation's own instances.</p>
      </section>
    );
  }
  const page = state.value;
  return (
    <section aria-label="This page" data-testid="page-status" data-active="true">
      <p>
        Active on this <strong>{TOOL_NAMES[page.tool]}</strong> page{' '}
        <span className="badge">{page.kind.replace(/[-_]/g, ' ')}</span>
      </p>
      <p className={page.place === 'private' ? 'locked' : 'muted'}>{PLACE_TEXT[page.place]}</p>
      {page.featureErrors.length > 0 && (
        <div role="alert" className="error">
          {page.featureErrors.length} feature(s) failed here:{' '}
          {page.featureErrors.map((e) => `${e.featureId} (${e.message})`).join('; ')}
        </div>
      )}
    </section>
  );
}
