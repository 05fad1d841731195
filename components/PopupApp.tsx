import { useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { openDatabase } from '@/lib/db';
import { t, tn } from '@/lib/i18n/t';
import { loadPeople } from '@/lib/people/directory-store';
import { PageStatus } from './PageStatus';
import { SearchPanel } from './SearchPanel';
import { ThanksPanel } from './ThanksPanel';
import { useAsync } from './useAsync';
import { useSettings } from './useSettings';
import { WeekSummary } from './WeekSummary';
import './popup.css';

async function countPeople(): Promise<number> {
  const db = openDatabase();
  try {
    return (await loadPeople(db)).filter((p) => p.archivedAt === undefined).length;
  } finally {
    db.close();
  }
}

function ThisPage() {
  const people = useAsync(countPeople, []);
  return (
    <>
      <PageStatus />
      <p className="muted" data-testid="directory-count">
        {people.status === 'ready' &&
          (people.value === 0 ? t('directoryEmpty') : tn('directoryCount', people.value))}
      </p>
    </>
  );
}

interface PopupTab {
  id: string;
  label: string;
  panel: ReactNode;
}

/**
 * The toolbar popup: a tab bar over panels (search first, then what Daylight sees on this page),
 * and a footer. A feature adds its panel as one more entry in `tabs`. Inactive panels stay mounted
 * (hidden), so switching is instant and each keeps its state.
 */
export function PopupApp() {
  const settings = useSettings();
  const [current, setCurrent] = useState('search');
  const helpdesk = settings?.effective.helpdeskUrl;
  const tabs: PopupTab[] = [
    { id: 'search', label: t('tabSearch'), panel: <SearchPanel settings={settings?.effective} /> },
    { id: 'thanks', label: t('tabThanks'), panel: <ThanksPanel /> },
    { id: 'page', label: t('tabPage'), panel: <ThisPage /> },
  ];
  const move = (event: React.KeyboardEvent, index: number) => {
    const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : null;
    if (next === null) return;
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    setCurrent(tab.id);
    document.getElementById(`tab-${tab.id}`)?.focus();
  };
  return (
    <main className="popup">
      <header className="brand">
        <img src="/icon/32.png" alt="" />
        {t('extName')}
        <div role="tablist" aria-label={t('extName')} className="tabs">
          {tabs.map((tab, i) => (
            <button
              key={tab.id}
              id={`tab-${tab.id}`}
              type="button"
              role="tab"
              aria-selected={tab.id === current}
              aria-controls={`panel-${tab.id}`}
              tabIndex={tab.id === current ? 0 : -1}
              onClick={() => setCurrent(tab.id)}
              onKeyDown={(e) => move(e, i)}
            >
              {tab.label}
            </button>
          ))}
        </div>
      </header>
      {tabs.map((tab) => (
        <div key={tab.id} id={`panel-${tab.id}`} role="tabpanel" aria-labelledby={`tab-${tab.id}`} hidden={tab.id !== current} className="panel">
          {tab.panel}
        </div>
      ))}
      <WeekSummary />
      <footer>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('navSettings')}
        </button>
        {helpdesk ? (
          <a href={helpdesk} target="_blank" rel="noreferrer">
            {t('getHelp')}
          </a>
        ) : null}
      </footer>
    </main>
  );
}
