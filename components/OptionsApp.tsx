import { openDatabase } from '@/lib/db';
import { t } from '@/lib/i18n/t';
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
        {t('optionsTitle')}
        {helpdesk ? (
          <a className="help" href={helpdesk} target="_blank" rel="noreferrer">
            {t('getHelp')}
          </a>
        ) : null}
      </header>
      <nav aria-label={t('sectionsLabel')}>
        <a href="#people">{t('sectionPeople')}</a>
        <a href="#openness">{t('sectionWeek')}</a>
        <a href="#thanks">{t('tabThanks')}</a>
        <a href="#search">{t('tabSearch')}</a>
        <a href="#settings">{t('navSettings')}</a>
        <a href="#tools">{t('sectionTools')}</a>
        <a href="#diagnostics">{t('sectionDiagnostics')}</a>
      </nav>
      <main>
        <section id="people" aria-labelledby="people-heading">
          <h2 id="people-heading">{t('sectionPeople')}</h2>
          <PeopleSection settings={settings} />
        </section>
        <section id="openness" aria-labelledby="openness-heading">
          <h2 id="openness-heading">{t('sectionWeek')}</h2>
          <WeekInTheOpen />
          <PrivatePlaces />
        </section>
        <section id="thanks" aria-labelledby="thanks-heading">
          <h2 id="thanks-heading">{t('tabThanks')}</h2>
          <ThanksLedger />
        </section>
        <section id="search" aria-labelledby="search-heading">
          <h2 id="search-heading">{t('tabSearch')}</h2>
          <SearchSection snapshot={settings} />
        </section>
        <section id="settings" aria-labelledby="settings-heading">
          <h2 id="settings-heading">{t('navSettings')}</h2>
          {settings ? <SettingsPanel snapshot={settings} /> : <p className="muted">{t('loading')}</p>}
        </section>
        <section id="tools" aria-labelledby="tools-heading">
          <h2 id="tools-heading">{t('sectionTools')}</h2>
          {settings ? <ToolsSection snapshot={settings} /> : <p className="muted">{t('loading')}</p>}
        </section>
        <section id="diagnostics" aria-labelledby="diagnostics-heading">
          <h2 id="diagnostics-heading">{t('sectionDiagnostics')}</h2>
          <p className="muted">{t('keptHere')}</p>
          <h3>{t('diagSelectors')}</h3>
          {data.status === 'ready' && <SelectorHealth reports={data.value.reports} />}
          <h3>{t('diagFailures')}</h3>
          {data.status === 'ready' && <FeatureErrors errors={data.value.errors} />}
          <h3>{t('diagRefused')}</h3>
          <RefusedMessages />
        </section>
      </main>
    </div>
  );
}
