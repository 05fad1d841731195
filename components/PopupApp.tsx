import { browser } from 'wxt/browser';
import { openDatabase } from '@/lib/db';
import { loadPeople } from '@/lib/people/directory-store';
import { PageStatus } from './PageStatus';
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

export function PopupApp() {
  const settings = useSettings();
  const people = useAsync(countPeople, []);
  const helpdesk = settings?.effective.helpdeskUrl;
  return (
    <main className="popup">
      <header className="brand">
        <img src="/icon/32.png" alt="" />
        Daylight
      </header>
      <PageStatus />
      <ThanksPanel />
      <p className="muted" data-testid="directory-count">
        {people.status === 'ready' &&
          (people.value === 0 ? 'No directory yet: add one in Settings.' : `${people.value} people in your directory.`)}
      </p>
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
