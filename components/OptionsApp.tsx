import { openDatabase } from '@/lib/db';
import { FeatureErrors } from './FeatureErrors';
import { PeopleSection } from './PeopleSection';
import { PrivatePlaces } from './PrivatePlaces';
import { RefusedMessages } from './RefusedMessages';
import { SearchSection } from './SearchSection';
import { SelectorHealth } from './SelectorHealth';
import { SettingsPanel } from './SettingsPanel';
import { ToolsSection } from './ToolsSection';
import { ThanksLedger } from './ThanksLedger';
import { useAsync } from './useAsync';
import { useSettings } from './useSettings';
import { WeekInTheOpen } from './WeekInTheOpen';
import './options.css';

async function readDatabase() {
  const db = openDatabase();
  try {
    const [errors, reports] = await Promise.all([
      db.featureErrors.orderBy('seq').reverse().limit(100).toArray(),
      db.pageReports.toArray(),
    ]);
    return { errors, reports };
  } finally {
    db.close();
  }
}

export function OptionsApp() {
  const settings = useSettings();
  const data = useAsync(readDatabase, []);
  const helpdesk = settings?.effective.helpdeskUrl;
  return (
    <div className="options">
      <header className="brand">
        <img src="/icon/32.png" alt="" />
        Daylight settings
        {helpdesk ? (
          <a className="help" href={helpdesk} target="_blank" rel="noreferrer">
            Get help
          </a>
        ) : null}
      </header>
      <nav aria-label="Sections">
        <a href="#people">People</a>
        <a href="#openness">Your week in the open</a>
        <a href="#thanks">Thanks</a>
        <a href="#search">Search</a>
        <a href="#settings">Settings</a>
        <a href="#tools">Tools</a>
        <a href="#diagnostics">Diagnostics</a>
      </nav>
      <main>
        <section id="people" aria-labelledby="people-heading">
          <h2 id="people-heading">People</h2>
          <PeopleSection settings={settings} />
        </section>
        <section id="openness" aria-labelledby="openness-heading">
          <h2 id="openness-heading">Your week in the open</h2>
          <WeekInTheOpen />
          <PrivatePlaces />
        </section>
        <section id="thanks" aria-labelledby="thanks-heading">
          <h2 id="thanks-heading">Thanks</h2>
          <ThanksLedger />
        </section>
        <section id="search" aria-labelledby="search-heading">
          <h2 id="search-heading">Search</h2>
          <SearchSection snapshot={settings} />
        </section>
        <section id="settings" aria-labelledby="settings-heading">
          <h2 id="settings-heading">Settings</h2>
          {settings ? <SettingsPanel snapshot={settings} /> : <p className="muted">Loading…</p>}
        </section>
        <section id="tools" aria-labelledby="tools-heading">
          <h2 id="tools-heading">Tools</h2>
          {settings ? <ToolsSection snapshot={settings} /> : <p className="muted">Loading…</p>}
        </section>
        <section id="diagnostics" aria-labelledby="diagnostics-heading">
          <h2 id="diagnostics-heading">Diagnostics</h2>
          <p className="muted">Kept on this device only; never sent anywhere.</p>
          <h3>What Daylight found on recent pages</h3>
          {data.status === 'ready' && <SelectorHealth reports={data.value.reports} />}
          <h3>Feature failures</h3>
          {data.status === 'ready' && <FeatureErrors errors={data.value.errors} />}
          <h3>Refused from pages</h3>
          <RefusedMessages />
        </section>
      </main>
    </div>
  );
}
