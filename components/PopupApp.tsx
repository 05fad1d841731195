import { useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { openDatabase } from '@/lib/db';
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
          (people.value === 0 ? 'No directory yet: add one in Settings.' : `${people.value} people in your directory.`)}
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
    { id: 'search', label: 'Search', panel: <SearchPanel settings={settings?.effective} /> },
    { id: 'thanks', label: 'Thanks', panel: <ThanksPanel /> },
    { id: 'page', label: 'This page', panel: <ThisPage /> },
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
        Daylight
        <div role="tablist" aria-label="Daylight" className="tabs">
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
          Settings
        </button>
        {helpdesk ? (
          <a href={helpdesk} target="_blank" rel="noreferrer">
            Get help
          </a>
        ) : null}
      </footer>
    </main>
  );
}
