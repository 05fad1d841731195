import type { ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { toolNameList } from '@/lib/tools/tool-ids';
import { useSettings } from './useSettings';
import { WhatsNew } from './WhatsNew';
import { t, uiLanguage, type MessageKey } from '@/lib/i18n/t';
import './welcome.css';

const HABITS: ReadonlyArray<readonly [MessageKey, MessageKey]> = [
  ['habitIdentityTitle', 'habitIdentityText'],
  ['habitSearchTitle', 'habitSearchText'],
  ['habitThanksTitle', 'habitThanksText'],
  ['habitOpenTitle', 'habitOpenText'],
  ['habitArchiveTitle', 'habitArchiveText'],
];

/** After an update the background opens `welcome.html?from=<previous version>#whats-new`. */
function updatedFrom(): string | null {
  return location.hash === '#whats-new' ? new URLSearchParams(location.search).get('from') : null;
}

function Brand({ children }: { children: ReactNode }) {
  return (
    <header className="brand">
      <img src="/icon/48.png" alt="" />
      {children}
    </header>
  );
}

export function WelcomeApp() {
  const helpdesk = useSettings()?.effective.helpdeskUrl;
  const from = updatedFrom();
  if (from !== null) {
    return (
      <main className="welcome">
        <Brand>{t('welcomeUpdated')}</Brand>
        <WhatsNew from={from} />
        <p>
          <a href="/welcome.html">{t('welcomeWhatItDoes')}</a>
          {helpdesk ? (
            <>
              {' · '}
              <a href={helpdesk} target="_blank" rel="noreferrer">
                {t('welcomeHelp')}
              </a>
            </>
          ) : null}
        </p>
      </main>
    );
  }
  return (
    <main className="welcome">
      <Brand>{t('welcomeTitle')}</Brand>
      <p>{t('welcomeIntro')}</p>
      <ul className="habits">
        {HABITS.map(([title, text]) => (
          <li key={title}>
            <strong>{t(title)}</strong> {text === 'habitIdentityText' ? t(text, toolNameList(uiLanguage())) : t(text)}
          </li>
        ))}
      </ul>
      <h2>{t('welcomeStoredTitle')}</h2>
      <p>{t('welcomeStoredText')}</p>
      <p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('welcomeOpenSettings')}
        </button>{' '}
        {helpdesk ? (
          <a href={helpdesk} target="_blank" rel="noreferrer">
            {t('welcomeHelp')}
          </a>
        ) : null}
      </p>
    </main>
  );
}
